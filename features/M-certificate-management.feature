@certificateManagement
Feature: M ISO 15118 Certificate Management
  The CSMS installs root certificates on a charging station, lists and deletes the certificates it
  holds, answers its OCSP status questions for its V2G certificate chain and forwards the EV's
  contract-certificate requests to a contract-certificate service.

  The station keeps a real certificate store: it parses every certificate it is given, installs only
  a self-signed X.509 CA certificate valid now (anything else is Rejected), holds at most
  SecurityCtrlr.CertificateEntries maxLimit certificates, and computes certificate hash data
  (RFC 6960 CertID: issuerNameHash, issuerKeyHash, serialNumber) from the DER of each certificate
  with the hash algorithm it is set to. The certificates it comes with are taken from the test PKIs
  the suite generates on first use: the CA of the CSMS's TLS certificate (TLS_CA_CERT), the
  manufacturer root of the firmware PKI, the V2G and MO roots of the ISO 15118 test PKI, and its
  own V2G chain (CPO sub-CA 1 and 2, SECC certificate) whose OCSP status the suite's responder
  serves on 127.0.0.1. Where the OCTT answers with fixed synthetic hash strings, the station here
  answers with the real hash data of what it holds (so SHA384 and SHA512 hashes are 96 and 128 hex
  characters long, as the specification defines them), and the CSMS must echo them.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_M_01_CSMS @optional @M05 @M05.FR.01
  Scenario: TC_M_01_CSMS Install CA certificate - CSMSRootCertificate
    Steps 1.1 and 1.2 are the OCTT's reusable state CertificateInstalled for CSMSRootCertificate. The OCTT
    only checks that the certificate is not empty; here the station parses it and answers Accepted
    only for a root certificate it can install (decided as M05 reads: the CSMS installs root CA
    certificates). The reference CSMS sends the CA of its own TLS server certificate.

    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | a non-empty string                    |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_M_02_CSMS @optional @M05 @M05.FR.01
  Scenario: TC_M_02_CSMS Install CA certificate - ManufacturerRootCertificate
    Steps 1.1 and 1.2 are the OCTT's reusable state CertificateInstalled for ManufacturerRootCertificate. The OCTT
    only checks that the certificate is not empty; here the station parses it and answers Accepted
    only for a root certificate it can install (decided as M05 reads: the CSMS installs root CA
    certificates). The reference CSMS sends the manufacturer root of the firmware PKI (the root behind firmware signing certificates).

    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value                       |
      | certificateType | ManufacturerRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | ManufacturerRootCertificate           |
      | certificate     | a non-empty string                    |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_M_03_CSMS @optional @M05 @M05.FR.01
  Scenario: TC_M_03_CSMS Install CA certificate - V2GRootCertificate
    Steps 1.1 and 1.2 are the OCTT's reusable state CertificateInstalled for V2GRootCertificate. The OCTT
    only checks that the certificate is not empty; here the station parses it and answers Accepted
    only for a root certificate it can install (decided as M05 reads: the CSMS installs root CA
    certificates). The reference CSMS sends the V2G root of the ISO 15118 test PKI.

    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value              |
      | certificateType | V2GRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | V2GRootCertificate                    |
      | certificate     | a non-empty string                    |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_M_04_CSMS @optional @M05 @M05.FR.01
  Scenario: TC_M_04_CSMS Install CA certificate - MORootCertificate
    Steps 1.1 and 1.2 are the OCTT's reusable state CertificateInstalled for MORootCertificate. The OCTT
    only checks that the certificate is not empty; here the station parses it and answers Accepted
    only for a root certificate it can install (decided as M05 reads: the CSMS installs root CA
    certificates). The reference CSMS sends the MO root its contract-certificate stand-in issues contract certificates under.

    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value             |
      | certificateType | MORootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | MORootCertificate                     |
      | certificate     | a non-empty string                    |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_M_05_CSMS @optional @M05 @M05.FR.01 @M05.FR.03
  Scenario: TC_M_05_CSMS Install CA certificate - Failed
    The station fails the installation for a real cause: its certificate store is full (it holds
    two certificates and SecurityCtrlr.CertificateEntries allows at most two). A certificate that is
    not a valid root would be Rejected instead, so the CSMS must still send a proper one.

    Given the charging station has these certificates installed
      | certificateType             |
      | ManufacturerRootCertificate |
      | V2GRootCertificate          |
    And the charging station's certificate store holds at most 2 certificates
    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | a non-empty string                    |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field                 | expectation          |
      | status                | Failed               |
      | statusInfo.reasonCode | CertificateStoreFull |

  @TC_M_12_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_12_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate
    Steps 1-3 are the reusable state GetInstalledCertificates for CSMSRootCertificate, three times on
    one connection. The station answers from its store; between the rounds it is set to the next hash
    algorithm, so the CSMS receives real SHA256, SHA384 and SHA512 hash data (64, 96 and 128 hex
    characters; the OCTT's synthetic answers keep 64). Other types next to CSMSRootCertificate in the
    request are tolerated, as in the OCTT.

    Given the charging station has these certificates installed
      | certificateType     |
      | CSMSRootCertificate |
    When the charging station computes certificate hash data with SHA256
    And the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                   |
      | certificateType | ["CSMSRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                  |
      | certificateType | contains CSMSRootCertificate |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain                                       | 1 element                |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |
    When the charging station computes certificate hash data with SHA384
    And the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                   |
      | certificateType | ["CSMSRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                  |
      | certificateType | contains CSMSRootCertificate |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain                                       | 1 element                |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA384                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{96}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{96}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |
    When the charging station computes certificate hash data with SHA512
    And the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                   |
      | certificateType | ["CSMSRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                  |
      | certificateType | contains CSMSRootCertificate |
    And the charging station answered with
      | field                                                          | expectation               |
      | status                                                         | Accepted                  |
      | certificateHashDataChain                                       | 1 element                 |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate       |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA512                    |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{128}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{128}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/     |

  @TC_M_13_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_13_CSMS Retrieve certificates from Charging Station - ManufacturerRootCertificate
    Step 1 is the reusable state GetInstalledCertificates for ManufacturerRootCertificate; the station answers from its
    store with the real hash data (SHA256) of its ManufacturerRootCertificate. Other types next to it in the request are
    tolerated, as in the OCTT.

    Given the charging station has these certificates installed
      | certificateType             |
      | ManufacturerRootCertificate |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                           |
      | certificateType | ["ManufacturerRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                          |
      | certificateType | contains ManufacturerRootCertificate |
    And the charging station answered with
      | field                                                          | expectation                 |
      | status                                                         | Accepted                    |
      | certificateHashDataChain                                       | 1 element                   |
      | certificateHashDataChain[0].certificateType                    | ManufacturerRootCertificate |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                      |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/       |

  @TC_M_14_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_14_CSMS Retrieve certificates from Charging Station - V2GRootCertificate
    Step 1 is the reusable state GetInstalledCertificates for V2GRootCertificate; the station answers from its
    store with the real hash data (SHA256) of its V2GRootCertificate. Other types next to it in the request are
    tolerated, as in the OCTT.

    Given the charging station has these certificates installed
      | certificateType    |
      | V2GRootCertificate |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                  |
      | certificateType | ["V2GRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                 |
      | certificateType | contains V2GRootCertificate |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain                                       | 1 element                |
      | certificateHashDataChain[0].certificateType                    | V2GRootCertificate       |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |

  @TC_M_15_CSMS @optional @M03 @M03.FR.01 @M03.FR.05
  Scenario: TC_M_15_CSMS Retrieve certificates from Charging Station - V2GCertificateChain
    Step 1 is the reusable state GetInstalledCertificates for V2GCertificateChain. The station's V2G
    chain is real: its SECC certificate is the entry's certificateHashData and its two CPO sub-CAs
    are the childCertificateHashData (M03.FR.05), each hashed with the key of its own issuer (sub-CA 1
    under the installed V2G root). Other types next to V2GCertificateChain are tolerated.

    Given the charging station has these certificates installed
      | certificateType     |
      | V2GRootCertificate  |
      | V2GCertificateChain |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                   |
      | certificateType | ["V2GCertificateChain"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                  |
      | certificateType | contains V2GCertificateChain |
    And the charging station answered with
      | field                                                                  | expectation              |
      | status                                                                 | Accepted                 |
      | certificateHashDataChain                                               | 1 element                |
      | certificateHashDataChain[0].certificateType                            | V2GCertificateChain      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm          | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash         | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash          | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber           | matches /^[0-9a-f]+$/    |
      | certificateHashDataChain[0].childCertificateHashData                   | 2 elements               |
      | certificateHashDataChain[0].childCertificateHashData[*].hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].childCertificateHashData[*].issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].childCertificateHashData[*].issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].childCertificateHashData[*].serialNumber   | matches /^[0-9a-f]+$/    |

  @TC_M_16_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_16_CSMS Retrieve certificates from Charging Station - MORootCertificate
    Step 1 is the reusable state GetInstalledCertificates for MORootCertificate; the station answers from its
    store with the real hash data (SHA256) of its MORootCertificate. Other types next to it in the request are
    tolerated, as in the OCTT.

    Given the charging station has these certificates installed
      | certificateType   |
      | MORootCertificate |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                 |
      | certificateType | ["MORootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                |
      | certificateType | contains MORootCertificate |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain                                       | 1 element                |
      | certificateHashDataChain[0].certificateType                    | MORootCertificate        |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |

  @TC_M_17_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_17_CSMS Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate
    Step 1 is the reusable state GetInstalledCertificates for both types: they must be asked for in
    one request (further types are tolerated, as in the OCTT).

    Given the charging station has these certificates installed
      | certificateType             |
      | CSMSRootCertificate         |
      | ManufacturerRootCertificate |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                                                  |
      | certificateType | ["CSMSRootCertificate", "ManufacturerRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                          |
      | certificateType | contains CSMSRootCertificate         |
      | certificateType | contains ManufacturerRootCertificate |
    And the charging station answered with
      | field                                                          | expectation                 |
      | status                                                         | Accepted                    |
      | certificateHashDataChain                                       | 2 elements                  |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate         |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                      |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/       |
      | certificateHashDataChain[1].certificateType                    | ManufacturerRootCertificate |
      | certificateHashDataChain[1].certificateHashData.hashAlgorithm  | SHA256                      |
      | certificateHashDataChain[1].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[1].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[1].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/       |

  @TC_M_18_CSMS @optional @M03 @M03.FR.01
  Scenario: TC_M_18_CSMS Retrieve certificates from Charging Station - All certificateTypes
    The station holds the four kinds of certificate of the OCTT's simulated truststore (no
    MORootCertificate); asked without certificateType it lists them all, its V2G chain with its
    sub-CAs as children (M03.FR.05; the OCTT's synthetic entry has none).

    Given the charging station has these certificates installed
      | certificateType             |
      | CSMSRootCertificate         |
      | ManufacturerRootCertificate |
      | V2GRootCertificate          |
      | V2GCertificateChain         |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation |
      | certificateType | absent      |
    And the charging station answered with
      | field                                                          | expectation                 |
      | status                                                         | Accepted                    |
      | certificateHashDataChain                                       | 4 elements                  |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate         |
      | certificateHashDataChain[1].certificateType                    | ManufacturerRootCertificate |
      | certificateHashDataChain[2].certificateType                    | V2GRootCertificate          |
      | certificateHashDataChain[3].certificateType                    | V2GCertificateChain         |
      | certificateHashDataChain[*].certificateHashData.hashAlgorithm  | SHA256                      |
      | certificateHashDataChain[*].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[*].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/    |
      | certificateHashDataChain[*].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/       |
      | certificateHashDataChain[3].childCertificateHashData           | 2 elements                  |

  @TC_M_19_CSMS @optional @M03 @M03.FR.01 @M03.FR.02
  Scenario: TC_M_19_CSMS Retrieve certificates from Charging Station - No matching certificate found
    The station holds certificates, but no ManufacturerRootCertificate: its store answers NotFound
    without a chain (M03.FR.02). Other types next to ManufacturerRootCertificate are tolerated.

    Given the charging station has these certificates installed
      | certificateType     |
      | CSMSRootCertificate |
      | V2GRootCertificate  |
    When the CSMS is asked to send a GetInstalledCertificateIdsRequest with
      | field           | value                           |
      | certificateType | ["ManufacturerRootCertificate"] |
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                          |
      | certificateType | contains ManufacturerRootCertificate |
    And the charging station answered with
      | field                    | expectation |
      | status                   | NotFound    |
      | certificateHashDataChain | absent      |

  @TC_M_20_CSMS @optional @M04 @M04.FR.01 @M04.FR.07
  Scenario: TC_M_20_CSMS Delete a certificate from a Charging Station - Success
    Three rounds, SHA256, SHA384 and SHA512, each on a new connection with its own boot. In each
    round the CSMS installs a CSMSRootCertificate (the OCTT's step 1; its certificateType is checked
    here as the steps name it), then the operator asks it to delete that certificate: the CSMS must
    first ask for the installed certificate ids and then send back exactly the hash data the station
    returned, with the station's algorithm (M04.FR.07). The station deletes by all three hash fields
    and the algorithm; the certificate is gone after each round, so the next round starts alike.

    Given the charging station computes certificate hash data with SHA256
    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the CSMS is asked to delete the CSMSRootCertificate it installed
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                            |
      | certificateType | contains CSMSRootCertificate or absent |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |
    Then the CSMS sends a DeleteCertificateRequest with
      | field                             | expectation                                                                          |
      | certificateHashData               | <GetInstalledCertificateIdsResponse.certificateHashDataChain[0].certificateHashData> |
      | certificateHashData.hashAlgorithm | SHA256                                                                               |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station disconnects from the CSMS
    And the charging station is booted and all its connectors are Available
    And the charging station computes certificate hash data with SHA384
    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the CSMS is asked to delete the CSMSRootCertificate it installed
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                            |
      | certificateType | contains CSMSRootCertificate or absent |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA384                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{96}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{96}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |
    Then the CSMS sends a DeleteCertificateRequest with
      | field                             | expectation                                                                          |
      | certificateHashData               | <GetInstalledCertificateIdsResponse.certificateHashDataChain[0].certificateHashData> |
      | certificateHashData.hashAlgorithm | SHA384                                                                               |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station disconnects from the CSMS
    And the charging station is booted and all its connectors are Available
    And the charging station computes certificate hash data with SHA512
    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the CSMS is asked to delete the CSMSRootCertificate it installed
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                            |
      | certificateType | contains CSMSRootCertificate or absent |
    And the charging station answered with
      | field                                                          | expectation               |
      | status                                                         | Accepted                  |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate       |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA512                    |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{128}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{128}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/     |
    Then the CSMS sends a DeleteCertificateRequest with
      | field                             | expectation                                                                          |
      | certificateHashData               | <GetInstalledCertificateIdsResponse.certificateHashDataChain[0].certificateHashData> |
      | certificateHashData.hashAlgorithm | SHA512                                                                               |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_M_21_CSMS @optional @M04 @M04.FR.01 @M04.FR.07
  Scenario: TC_M_21_CSMS Delete a certificate from a Charging Station - Failed
    The deletion fails for a real cause: the station keeps a network connection profile that uses
    TLS (security profile 2), so it refuses to delete its only CSMSRootCertificate, without which it
    could never verify that CSMS. The before-state (CertificateInstalled) is the first exchange.

    Given the charging station keeps a network connection profile for security profile 2
    And the charging station computes certificate hash data with SHA256
    When the CSMS is asked to send an InstallCertificateRequest with
      | field           | value               |
      | certificateType | CSMSRootCertificate |
    Then the CSMS sends an InstallCertificateRequest with
      | field           | expectation                           |
      | certificateType | CSMSRootCertificate                   |
      | certificate     | matches /-----BEGIN CERTIFICATE-----/ |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the CSMS is asked to delete the CSMSRootCertificate it installed
    Then the CSMS sends a GetInstalledCertificateIdsRequest with
      | field           | expectation                            |
      | certificateType | contains CSMSRootCertificate or absent |
    And the charging station answered with
      | field                                                          | expectation              |
      | status                                                         | Accepted                 |
      | certificateHashDataChain[0].certificateType                    | CSMSRootCertificate      |
      | certificateHashDataChain[0].certificateHashData.hashAlgorithm  | SHA256                   |
      | certificateHashDataChain[0].certificateHashData.issuerNameHash | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.issuerKeyHash  | matches /^[0-9a-f]{64}$/ |
      | certificateHashDataChain[0].certificateHashData.serialNumber   | matches /^[0-9a-f]+$/    |
    Then the CSMS sends a DeleteCertificateRequest with
      | field                             | expectation                                                                          |
      | certificateHashData               | <GetInstalledCertificateIdsResponse.certificateHashDataChain[0].certificateHashData> |
      | certificateHashData.hashAlgorithm | SHA256                                                                               |
    And the charging station answered with
      | field                 | expectation      |
      | status                | Failed           |
      | statusInfo.reasonCode | CertificateInUse |

  @TC_M_24_CSMS @optional @M06 @M06.FR.01 @M06.FR.02 @M06.FR.03 @M06.FR.08 @M06.FR.09
  Scenario: TC_M_24_CSMS Get Charging Station Certificate status - Success
    The station asks for the OCSP status of each sub-CA of its real V2G chain, naming the suite's OCSP
    responder on 127.0.0.1 (the OCTT's made-up certificate and unreachable responder would leave a
    correct CSMS nothing to answer with). The CSMS must fetch the status itself and return the OCSP
    response (RFC 6960, DER, base64): the station verifies that it is the responder's signed "good"
    for that sub-CA, and the responder's log shows the CSMS asked it.

    Given the charging station has these certificates installed
      | certificateType     |
      | V2GRootCertificate  |
      | V2GCertificateChain |
    When the charging station asks the CSMS for the OCSP status of sub-CA 1 of its V2G certificate chain
    Then the CSMS responds with
      | field      | expectation        |
      | status     | Accepted           |
      | ocspResult | a non-empty string |
    And the ocspResult is the OCSP responder's signed answer that the sub-CA is good
    When the charging station asks the CSMS for the OCSP status of sub-CA 2 of its V2G certificate chain
    Then the CSMS responds with
      | field      | expectation        |
      | status     | Accepted           |
      | ocspResult | a non-empty string |
    And the ocspResult is the OCSP responder's signed answer that the sub-CA is good

  @TC_M_26_CSMS @optional @M01 @M01.FR.01
  Scenario: TC_M_26_CSMS Certificate Installation EV - Success
    The suite does not encode or decode EXI: the exiRequest is the OCTT's opaque base64 payload, and
    the exiResponse is checked for being non-empty base64 only (a real CSMS returns the CertificateInstallationRes
    of its contract-certificate service). The reference CSMS forwards the request to the
    contract-certificate stand-in it runs itself, which answers with a signed stand-in document
    carrying a contract certificate chain, not with EXI.

    When the charging station sends a Get15118EVCertificateRequest with
      | field                 | value                         |
      | iso15118SchemaVersion | "urn:iso:15118:2:2013:MsgDef" |
      | action                | Install                       |
      | exiRequest            | "dGVzdEVYSVJlcXVlc3REYXRh"    |
    Then the CSMS responds with
      | field       | expectation                        |
      | status      | Accepted                           |
      | exiResponse | a non-empty string                 |
      | exiResponse | matches /^[A-Za-z0-9+/]+={0,2}$/     |

  @TC_M_28_CSMS @optional @M02 @M02.FR.01
  Scenario: TC_M_28_CSMS Certificate Update EV - Success
    The suite does not encode or decode EXI: the exiRequest is the OCTT's opaque base64 payload, and
    the exiResponse is checked for being non-empty base64 only (a real CSMS returns the CertificateUpdateRes
    of its contract-certificate service). The reference CSMS forwards the request to the
    contract-certificate stand-in it runs itself, which answers with a signed stand-in document
    carrying a contract certificate chain, not with EXI.

    When the charging station sends a Get15118EVCertificateRequest with
      | field                 | value                         |
      | iso15118SchemaVersion | "urn:iso:15118:2:2013:MsgDef" |
      | action                | Update                        |
      | exiRequest            | "dGVzdEVYSVJlcXVlc3REYXRh"    |
    Then the CSMS responds with
      | field       | expectation                        |
      | status      | Accepted                           |
      | exiResponse | a non-empty string                 |
      | exiResponse | matches /^[A-Za-z0-9+/]+={0,2}$/     |
