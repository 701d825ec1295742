@security
Feature: A Security
  The CSMS lets a charging station in only with the credentials of its security profile: HTTP
  Basic auth over ws:// (profile 1) and wss:// (profile 2), a client certificate over wss://
  (profile 3); it offers TLS 1.2 or higher with the cipher suites OCPP requires, changes a
  station's Basic-auth password, renews its certificates and upgrades its security profile.
  Every connection here is real: ws:// and wss:// to the CSMS, TLS verified against the
  configured CA. No Background: each case starts with the station not connected, because the
  connection itself is what is tested.

  @TC_A_01_CSMS @A00 @B01 @A00.FR.204 @B01.FR.02
  Scenario: TC_A_01_CSMS Basic Authentication - Valid username/password combination
    The station reports its connectors as a real one does (a StatusNotification and a NotifyEvent
    per connector, all Available), not the older suite's connectorId 0 / Occupied pair. The
    OCPP-J layer checks every CSMS response against its JSON schema (BootNotificationResponse
    included); a CALLERROR or an invalid response to any StatusNotificationRequest fails the
    reporting step.

    When the charging station requests a WebSocket upgrade with
      | field                  | value                   |
      | security profile       | 1                       |
      | Sec-WebSocket-Protocol | ocpp2.0.1               |
      | username               | the configured station  |
      | password               | the configured password |
    Then the CSMS accepts the upgrade
    When the charging station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the charging station reports all its connectors Available

  @TC_A_02_CSMS @A00 @A00.FR.204
  Scenario: TC_A_02_CSMS Basic Authentication - Username does not equal ChargingStationId
    The URL carries the right station id and the password is the right one; only the username
    is the station id with "wrong" appended. The OCTT requires exactly HTTP 401 at the upgrade.

    When the charging station requests a WebSocket upgrade with
      | field                  | value                            |
      | security profile       | 1                                |
      | Sec-WebSocket-Protocol | ocpp2.0.1                        |
      | username               | the configured station + "wrong" |
      | password               | the configured password          |
    Then the CSMS refuses the upgrade with HTTP status 401

  @TC_A_03_CSMS @A00 @A00.FR.204
  Scenario: TC_A_03_CSMS Basic Authentication - Invalid password
    Two independent attempts, each refused with HTTP 401: one without an Authorization header,
    one with the right username and a freshly generated random password (16 to 40 characters of
    A-Z a-z 0-9 . * - _ : + ! @ # $ % ^ &), never the configured one.

    When the charging station requests a WebSocket upgrade with
      | field                  | value     |
      | security profile       | 1         |
      | Sec-WebSocket-Protocol | ocpp2.0.1 |
      | Authorization          | absent    |
    Then the CSMS refuses the upgrade with HTTP status 401
    When the charging station requests a WebSocket upgrade with
      | field                  | value                                    |
      | security profile       | 1                                        |
      | Sec-WebSocket-Protocol | ocpp2.0.1                                |
      | username               | the configured station                   |
      | password               | a random password of 16 to 40 characters |
    Then the CSMS refuses the upgrade with HTTP status 401

  @TC_A_04_CSMS @A00 @A00.FR.306 @A00.FR.307 @A00.FR.312 @A00.FR.318 @A00.FR.321 @A00.FR.502 @A00.FR.503 @A00.FR.507 @A00.FR.508 @A00.FR.510
  Scenario: TC_A_04_CSMS TLS - server-side certificate - Valid certificate
    The OCTT runs this case once per security profile; here the security profile 2 station and
    then the security profile 3 station run it one after the other. Decided: the four cipher-suite
    connections (TLS 1.2, only that suite offered, TLS and WebSocket upgrade completed, then
    closed) are made before the station's main connection, not while it is open as the older
    suite did: a CSMS may replace an older connection of the same station id (OCPP-J), which would
    break the main connection for a reason that has nothing to do with TLS. The server certificate
    key must be at least 2048 bits (RSA, DSA) or 224 bits (elliptic curve): meetsMinimumSize.
    A00.FR.321 (no TLS compression) cannot be observed from the client: OpenSSL 3 negotiates no
    compression at all, so it is not checked.

    When the security profile 2 station connects once per cipher suite, offering only that suite over TLS 1.2
      | cipher suite                            |
      | TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 |
      | TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 |
      | TLS_RSA_WITH_AES_128_GCM_SHA256         |
      | TLS_RSA_WITH_AES_256_GCM_SHA384         |
    Then the CSMS completes the TLS handshake and the WebSocket upgrade for every one of these suites
    When the security profile 2 station requests a WebSocket upgrade with
      | field                    | value                                     |
      | security profile         | 2                                         |
      | server certificate check | the configured CA and host name           |
      | client certificate       | none                                      |
      | username                 | the configured security profile 2 station |
      | password                 | the configured password                   |
    Then the TLS handshake had
      | field                                  | expectation                            |
      | protocol                               | TLSv1.2 or TLSv1.3                     |
      | cipher.secretBits                      | an integer >= 128                      |
      | serverCertificate.verified             | true                                   |
      | serverCertificate.subject.CN           | <csmsHostName>                         |
      | serverCertificate.serialNumber         | a non-empty string                     |
      | serverCertificate.key.type             | rsa or ec or dsa                       |
      | serverCertificate.key.meetsMinimumSize | true                                   |
      | serverCertificate.pem                  | matches /^-----BEGIN CERTIFICATE-----/ |
    And the CSMS accepts the upgrade
    When the security profile 2 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 2 station reports all its connectors Available
    And the security profile 2 station disconnects from the CSMS
    When the security profile 3 station connects once per cipher suite, offering only that suite over TLS 1.2
      | cipher suite                            |
      | TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 |
      | TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 |
      | TLS_RSA_WITH_AES_128_GCM_SHA256         |
      | TLS_RSA_WITH_AES_256_GCM_SHA384         |
    Then the CSMS completes the TLS handshake and the WebSocket upgrade for every one of these suites
    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                             |
      | security profile         | 3                                 |
      | server certificate check | the configured CA and host name   |
      | client certificate       | the configured client certificate |
      | Authorization            | absent                            |
    Then the TLS handshake had
      | field                                  | expectation                            |
      | protocol                               | TLSv1.2 or TLSv1.3                     |
      | cipher.secretBits                      | an integer >= 128                      |
      | serverCertificate.verified             | true                                   |
      | serverCertificate.subject.CN           | <csmsHostName>                         |
      | serverCertificate.serialNumber         | a non-empty string                     |
      | serverCertificate.key.type             | rsa or ec or dsa                       |
      | serverCertificate.key.meetsMinimumSize | true                                   |
      | serverCertificate.pem                  | matches /^-----BEGIN CERTIFICATE-----/ |
    And the CSMS accepts the upgrade
    When the security profile 3 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station reports all its connectors Available

  @TC_A_06_CSMS @A00 @A00.FR.314 @A00.FR.315 @A00.FR.409 @A00.FR.416 @A00.FR.417 @A00.FR.418
  Scenario: TC_A_06_CSMS TLS - server-side certificate - TLS version too low
    Run for the security profile 2 and then the security profile 3 station. The low-version
    attempt offers at most TLS 1.1 with OpenSSL's security level lowered, so that the ClientHello
    really leaves the station (OpenSSL would otherwise refuse TLS 1.0/1.1 on its own and the check
    would pass whatever the CSMS does): the refusal only counts when bytes went to the CSMS and its
    answer came back (a TLS alert or a reset), with no completed handshake and no HTTP exchange.

    When the security profile 2 station requests a WebSocket upgrade with
      | field                    | value                                     |
      | security profile         | 2                                         |
      | highest TLS version      | TLSv1.1                                   |
      | server certificate check | none                                      |
      | client certificate       | none                                      |
      | username                 | the configured security profile 2 station |
      | password                 | the configured password                   |
    Then the CSMS aborts the TLS handshake
    When the security profile 2 station requests a WebSocket upgrade with
      | field                    | value                                     |
      | security profile         | 2                                         |
      | server certificate check | the configured CA and host name           |
      | client certificate       | none                                      |
      | username                 | the configured security profile 2 station |
      | password                 | the configured password                   |
    Then the CSMS accepts the upgrade
    When the security profile 2 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 2 station reports all its connectors Available
    And the security profile 2 station disconnects from the CSMS
    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                             |
      | security profile         | 3                                 |
      | highest TLS version      | TLSv1.1                           |
      | server certificate check | none                              |
      | client certificate       | the configured client certificate |
      | Authorization            | absent                            |
    Then the CSMS aborts the TLS handshake
    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                             |
      | security profile         | 3                                 |
      | server certificate check | the configured CA and host name   |
      | client certificate       | the configured client certificate |
      | Authorization            | absent                            |
    Then the CSMS accepts the upgrade
    When the security profile 3 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station reports all its connectors Available

  @TC_A_07_CSMS @optional @A00 @A00.FR.409 @A00.FR.410 @A00.FR.415 @A00.FR.416 @A00.FR.421
  Scenario: TC_A_07_CSMS TLS - Client-side certificate - valid certificate
    The cipher-suite connections present the client certificate and are made before the main
    connection, as in TC_A_04_CSMS. The configured client certificate carries the station id as
    its CN (the embedded run issues it so), which a CSMS enforcing A00.FR.405 requires.

    When the security profile 3 station connects once per cipher suite, offering only that suite over TLS 1.2
      | cipher suite                            |
      | TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 |
      | TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 |
      | TLS_RSA_WITH_AES_128_GCM_SHA256         |
      | TLS_RSA_WITH_AES_256_GCM_SHA384         |
    Then the CSMS completes the TLS handshake and the WebSocket upgrade for every one of these suites
    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                             |
      | security profile         | 3                                 |
      | server certificate check | the configured CA and host name   |
      | client certificate       | the configured client certificate |
      | Authorization            | absent                            |
    Then the TLS handshake had
      | field             | expectation        |
      | protocol          | TLSv1.2 or TLSv1.3 |
      | cipher.secretBits | an integer >= 128  |
    And the CSMS accepts the upgrade
    When the security profile 3 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station reports all its connectors Available

  @TC_A_08_CSMS @optional @A00 @A00.FR.405 @A00.FR.407 @A00.FR.409 @A00.FR.410
  Scenario: TC_A_08_CSMS TLS - Client-side certificate - Invalid certificate
    The invalid certificate is TLS_INVALID_CLIENT_CERT; the embedded run issues one with the right
    CN from a CA the CSMS does not know (the OCTT's "unknown certificate" variant). Any refusal
    the CSMS makes counts (TLS alert, HTTP error status, reset, no usable HTTP answer) as long as
    the attempt reached it; an upgrade the CSMS accepts fails unless the CSMS closes it within
    0.5 s.

    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                                     |
      | security profile         | 3                                         |
      | server certificate check | the configured CA and host name           |
      | client certificate       | the configured invalid client certificate |
      | Authorization            | absent                                    |
    Then the CSMS refuses the connection
    When the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                             |
      | security profile         | 3                                 |
      | server certificate check | the configured CA and host name   |
      | client certificate       | the configured client certificate |
      | Authorization            | absent                            |
    Then the CSMS accepts the upgrade
    When the security profile 3 station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station reports all its connectors Available

  @TC_A_09_CSMS @A01 @A01.FR.02 @A01.FR.03
  Scenario: TC_A_09_CSMS Update Charging Station Password for HTTP Basic Authentication - Accepted
    Decided as a real station behaves: it boots on its first connection (the older suite sent
    nothing before the SetVariablesRequest). It accepts the password the CSMS sent, closes the
    connection and reconnects with that password. The OCTT performs its BootNotification steps
    5-8 only after RebootRequired; this station answered Accepted and did not reboot, so it does
    not boot again (a station sends BootNotification after a (re)boot only). The last step is
    not an OCTT step and no A01 requirement says the CSMS must refuse the old password at once
    (a CSMS may let it in a while, until the station's first connection with the new one), so it
    is an advisory check: its outcome is shown in the report and never fails the verdict. Against
    a user's CSMS the old password is set back through the operator afterwards.

    Given the charging station is booted and all its connectors are Available
    When the CSMS is asked to send a SetVariablesRequest with
      | field                             | value                       |
      | setVariableData[0].component.name | SecurityCtrlr               |
      | setVariableData[0].variable.name  | BasicAuthPassword           |
      | setVariableData[0].attributeValue | the configured new password |
    Then the CSMS sends a SetVariablesRequest with
      | field                             | expectation        |
      | setVariableData[0].variable.name  | BasicAuthPassword  |
      | setVariableData[0].component.name | SecurityCtrlr      |
      | setVariableData[0].attributeValue | a non-empty string |
    And the charging station answered with
      | field                                | expectation       |
      | setVariableResult[0].attributeStatus | Accepted          |
      | setVariableResult[0].component.name  | SecurityCtrlr     |
      | setVariableResult[0].variable.name   | BasicAuthPassword |
    When the charging station disconnects from the CSMS
    And the charging station requests a WebSocket upgrade with
      | field                  | value                                                   |
      | security profile       | 1                                                       |
      | Sec-WebSocket-Protocol | ocpp2.0.1                                               |
      | username               | the configured station                                  |
      | password               | <SetVariablesRequest.setVariableData[0].attributeValue> |
    Then the CSMS accepts the upgrade
    When the charging station requests a WebSocket upgrade with
      | field                  | value                   |
      | security profile       | 1                       |
      | Sec-WebSocket-Protocol | ocpp2.0.1               |
      | username               | the configured station  |
      | password               | the configured password |
    Then advisory: the CSMS refuses the upgrade with HTTP status 401

  @TC_A_10_CSMS @A01 @A01.FR.02 @A01.FR.04 @A01.FR.05
  Scenario: TC_A_10_CSMS Update Charging Station Password for HTTP Basic Authentication - Rejected
    The station boots on its first connection, rejects the new password and keeps its own; after
    closing the connection it is let in again with the configured (old) password. As in
    TC_A_09_CSMS it does not boot again: it did not reboot. A01.FR.05's SecurityEventNotification
    belongs to a password change, which did not happen.

    Given the charging station is booted and all its connectors are Available
    And the charging station will answer a SetVariablesRequest with
      | field                                | value             |
      | setVariableResult[0].attributeStatus | Rejected          |
      | setVariableResult[0].component.name  | SecurityCtrlr     |
      | setVariableResult[0].variable.name   | BasicAuthPassword |
    When the CSMS is asked to send a SetVariablesRequest with
      | field                             | value                       |
      | setVariableData[0].component.name | SecurityCtrlr               |
      | setVariableData[0].variable.name  | BasicAuthPassword           |
      | setVariableData[0].attributeValue | the configured new password |
    Then the CSMS sends a SetVariablesRequest with
      | field                             | expectation       |
      | setVariableData[0].variable.name  | BasicAuthPassword |
      | setVariableData[0].component.name | SecurityCtrlr     |
    And the charging station answered with
      | field                                | expectation |
      | setVariableResult[0].attributeStatus | Rejected    |
    When the charging station disconnects from the CSMS
    And the charging station requests a WebSocket upgrade with
      | field                  | value                   |
      | security profile       | 1                       |
      | Sec-WebSocket-Protocol | ocpp2.0.1               |
      | username               | the configured station  |
      | password               | the configured password |
    Then the CSMS accepts the upgrade

  @TC_A_11_CSMS @optional @A02 @F06 @A02.FR.11 @A02.FR.14 @F06.FR.01
  Scenario: TC_A_11_CSMS Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate
    Decided as a real station behaves: it boots on its first connection (the older suite sent no
    BootNotification). Its CSR is for a new EC P-256 key, signed with SHA-256, with CN = its
    station id and O = SecurityCtrlr.OrganizationName (OCPP 2.0.1 defines no variable for an OU,
    so there is none). The station checks the chain before it answers: the certificate is for
    its key and its station id, valid now, and chains to the CSMS root it trusts
    (TLS_CA_CERT). It then reconnects with the new certificate and its key. Decided by the
    specification: certificateType of the CertificateSignedRequest may be absent (the older
    suite required it; A02.FR.14 only recommends it), but if present it must be
    ChargingStationCertificate.

    Given the security profile 3 station is booted and all its connectors are Available
    When the CSMS is asked to send a TriggerMessageRequest to the security profile 3 station with
      | field            | value                          |
      | requestedMessage | SignChargingStationCertificate |
    Then the CSMS sends the security profile 3 station a TriggerMessageRequest with
      | field            | expectation                    |
      | requestedMessage | SignChargingStationCertificate |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station sends a SignCertificateRequest for a new key with
      | field           | value                                     |
      | certificateType | ChargingStationCertificate                |
      | subject.CN      | the configured security profile 3 station |
      | subject.O       | its SecurityCtrlr.OrganizationName        |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the CSMS sends the security profile 3 station a CertificateSignedRequest with
      | field            | expectation                          |
      | certificateChain | a non-empty string                   |
      | certificateType  | ChargingStationCertificate or absent |
    And the certificate chain the security profile 3 station received has
      | field                     | expectation                               |
      | parsable                  | true                                      |
      | leaf.keyMatchesRequest    | true                                      |
      | leaf.subject.CN           | the configured security profile 3 station |
      | leaf.validNow             | true                                      |
      | chain.signaturesValid     | true                                      |
      | chain.chainsToTrustedRoot | true                                      |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station disconnects from the CSMS
    And the security profile 3 station requests a WebSocket upgrade with
      | field                    | value                           |
      | security profile         | 3                               |
      | server certificate check | the configured CA and host name |
      | client certificate       | its renewed certificate         |
      | Authorization            | absent                          |
    Then the CSMS accepts the upgrade

  @TC_A_12_CSMS @optional @A02 @F06 @A02.FR.11 @F06.FR.01
  Scenario: TC_A_12_CSMS Update Charging Station Certificate by request of CSMS - Success - V2G Certificate
    The station boots first. One round (one SECC), no evse in the TriggerMessageRequest. The CSR
    subject comes from the station's device model as ISO 15118 prescribes: CN = its station id
    (the catalog's choice for the SECC), O = ISO15118Ctrlr.OrganizationName,
    C = ISO15118Ctrlr.CountryName. The OCTT's informational certificate checks (X.509 PEM, key of
    at least 224 bits) are made here and fail the case, because the station would not install such
    a certificate. It has no V2G root installed (that is block M), so the chain is checked for
    its own signatures, not against a V2G root.

    Given the security profile 3 station is booted and all its connectors are Available
    When the CSMS is asked to send a TriggerMessageRequest to the security profile 3 station with
      | field            | value              |
      | requestedMessage | SignV2GCertificate |
    Then the CSMS sends the security profile 3 station a TriggerMessageRequest with
      | field            | expectation        |
      | requestedMessage | SignV2GCertificate |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station sends a SignCertificateRequest for a new key with
      | field           | value                                     |
      | certificateType | V2GCertificate                            |
      | subject.CN      | the configured security profile 3 station |
      | subject.O       | its ISO15118Ctrlr.OrganizationName        |
      | subject.C       | its ISO15118Ctrlr.CountryName             |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the CSMS sends the security profile 3 station a CertificateSignedRequest with
      | field            | expectation        |
      | certificateChain | a non-empty string |
    And the certificate chain the security profile 3 station received has
      | field                  | expectation                            |
      | parsable               | true                                   |
      | leaf.pem               | matches /^-----BEGIN CERTIFICATE-----/ |
      | leaf.key.bits          | an integer >= 224                      |
      | leaf.keyMatchesRequest | true                                   |
      | leaf.validNow          | true                                   |
      | chain.signaturesValid  | true                                   |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_A_13_CSMS @optional @A02 @A02.FR.11
  Scenario: TC_A_13_CSMS Update Charging Station Certificate by request of CSMS - Success - Combined Certificate
    The station boots first. Its SignCertificateRequest has no certificateType: one certificate
    for the CSMS connection and ISO 15118. Since the certificate must also open the station's
    security-profile-3 connection, the station checks that it chains to the CSMS root it trusts.
    The OCTT's informational checks (key of at least 224 bits, X.509 PEM, a serial number, CN =
    the station's identity) are made and fail the case. certificateType of the
    CertificateSignedRequest is not checked (absent or any value passes), as in the OCTT.

    Given the security profile 3 station is booted and all its connectors are Available
    When the CSMS is asked to send a TriggerMessageRequest to the security profile 3 station with
      | field            | value                   |
      | requestedMessage | SignCombinedCertificate |
    Then the CSMS sends the security profile 3 station a TriggerMessageRequest with
      | field            | expectation             |
      | requestedMessage | SignCombinedCertificate |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station sends a SignCertificateRequest for a new key with
      | field           | value                                     |
      | certificateType | absent                                    |
      | subject.CN      | the configured security profile 3 station |
      | subject.O       | its SecurityCtrlr.OrganizationName        |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the CSMS sends the security profile 3 station a CertificateSignedRequest with
      | field            | expectation        |
      | certificateChain | a non-empty string |
    And the certificate chain the security profile 3 station received has
      | field                     | expectation                               |
      | parsable                  | true                                      |
      | leaf.pem                  | matches /^-----BEGIN CERTIFICATE-----/    |
      | leaf.serialNumber         | a non-empty string                        |
      | leaf.key.bits             | an integer >= 224                         |
      | leaf.subject.CN           | the configured security profile 3 station |
      | leaf.keyMatchesRequest    | true                                      |
      | leaf.validNow             | true                                      |
      | chain.signaturesValid     | true                                      |
      | chain.chainsToTrustedRoot | true                                      |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_A_14_CSMS @optional @A02
  Scenario: TC_A_14_CSMS Update Charging Station Certificate by request of CSMS - Invalid certificate
    The station boots first. As in the OCTT, the rejection is simulated: the station answers
    Rejected whatever the certificate, reports InvalidChargingStationCertificate and keeps its
    certificate and connection. certificateType of the CertificateSignedRequest must be
    ChargingStationCertificate or absent: the older suite required the value, but A02.FR.14 only
    recommends it, so absent passes. The SecurityEventNotificationResponse has no fields: a CALLERROR or a schema-invalid answer fails
    the sending step.

    Given the security profile 3 station is booted and all its connectors are Available
    And the security profile 3 station will answer a CertificateSignedRequest with status Rejected
    When the CSMS is asked to send a TriggerMessageRequest to the security profile 3 station with
      | field            | value                          |
      | requestedMessage | SignChargingStationCertificate |
    Then the CSMS sends the security profile 3 station a TriggerMessageRequest with
      | field            | expectation                    |
      | requestedMessage | SignChargingStationCertificate |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Accepted    |
    When the security profile 3 station sends a SignCertificateRequest for a new key with
      | field           | value                                     |
      | certificateType | ChargingStationCertificate                |
      | subject.CN      | the configured security profile 3 station |
      | subject.O       | its SecurityCtrlr.OrganizationName        |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the CSMS sends the security profile 3 station a CertificateSignedRequest with
      | field            | expectation                          |
      | certificateChain | a non-empty string                   |
      | certificateType  | ChargingStationCertificate or absent |
    And the security profile 3 station answered with
      | field  | expectation |
      | status | Rejected    |
    When the security profile 3 station sends a SecurityEventNotificationRequest with
      | field     | value                             |
      | type      | InvalidChargingStationCertificate |
      | timestamp | <now>                             |

  @TC_A_19_CSMS @A05 @A05.FR.04 @A05.FR.07
  Scenario: TC_A_19_CSMS Upgrade Charging Station Security Profile - Accepted
    The OCTT runs SP1 to SP2 and SP2 to SP3 as two runs with three station registrations, and
    reconnects after the upgrade under a different station id. Decided as a real station behaves:
    one station (the configured station) keeps its id through both upgrades. It boots on its first
    connection; after each ResetRequest it restarts, connects with the network profile that
    NetworkConfigurationPriority puts first (its ocppCsmsUrl, not CSMS_WSS_ADDRESS, so a wrong URL
    fails the case) and boots with reason RemoteReset. Before the SP2 to SP3 upgrade the CSMS
    renews the station's certificate over the SP2 connection (the memory state
    RenewChargingStationCertificate), and the SP3 connections present that certificate. The
    ocppCsmsUrl must be a wss:// URL; the OCTT's equality with CONFIGURED_OCPP_CSMS_URL is replaced
    by the reconnection to it, which the embedded CSMS (listening on a free port) can pass.
    The old profile is then refused in any form (HTTP error status, TLS error, reset; an upgrade
    the CSMS closes within 0.5 s). A05.FR.07's SecurityEventNotification is not exercised, as in
    the OCTT. Afterwards the CSMS is told through the operator to register the station for profile
    1 again.

    Given the charging station is booted and all its connectors are Available
    When the CSMS is asked to send a SetNetworkProfileRequest with
      | field                          | value |
      | connectionData.securityProfile | 2     |
    Then the CSMS sends a SetNetworkProfileRequest with
      | field                          | expectation                    |
      | configurationSlot              | an integer >= 0                |
      | connectionData.securityProfile | 2                              |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.messageTimeout  | the configured message timeout |
      | connectionData.ocppInterface   | the configured OCPP interface  |
      | connectionData.ocppCsmsUrl     | matches /^wss:\/\//            |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its configurationSlot as networkSlot
    And the CSMS is asked to put configuration slot <networkSlot> first in NetworkConfigurationPriority
    Then the CSMS sends a SetVariablesRequest with
      | field                             | expectation                  |
      | setVariableData[0].variable.name  | NetworkConfigurationPriority |
      | setVariableData[0].component.name | OCPPCommCtrlr                |
    And its setVariableData[0].attributeValue lists configuration slot <networkSlot>
    And the charging station answered with
      | field                                | expectation                |
      | setVariableResult[0].attributeStatus | Accepted or RebootRequired |
    When the CSMS is asked to send a ResetRequest
    Then the CSMS sends a ResetRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station restarts and connects with its highest-priority network profile
    Then the CSMS accepts the upgrade
    When the charging station boots with reason RemoteReset
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the charging station reports all its connectors Available
    And the charging station disconnects from the CSMS
    And the charging station requests a WebSocket upgrade with
      | field            | value                   |
      | security profile | 1                       |
      | username         | the configured station  |
      | password         | the configured password |
    Then the CSMS refuses the connection
    When the charging station requests a WebSocket upgrade with
      | field                    | value                           |
      | security profile         | 2                               |
      | server certificate check | the configured CA and host name |
      | username                 | the configured station          |
      | password                 | the configured password         |
    Then the CSMS accepts the upgrade
    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value                          |
      | requestedMessage | SignChargingStationCertificate |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation                    |
      | requestedMessage | SignChargingStationCertificate |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends a SignCertificateRequest for a new key with
      | field           | value                              |
      | certificateType | ChargingStationCertificate         |
      | subject.CN      | the configured station             |
      | subject.O       | its SecurityCtrlr.OrganizationName |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the CSMS sends a CertificateSignedRequest with
      | field            | expectation        |
      | certificateChain | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the CSMS is asked to send a SetNetworkProfileRequest with
      | field                          | value |
      | connectionData.securityProfile | 3     |
    Then the CSMS sends a SetNetworkProfileRequest with
      | field                          | expectation                    |
      | configurationSlot              | an integer >= 0                |
      | connectionData.securityProfile | 3                              |
      | connectionData.ocppTransport   | JSON                           |
      | connectionData.ocppVersion     | OCPP20                         |
      | connectionData.messageTimeout  | the configured message timeout |
      | connectionData.ocppInterface   | the configured OCPP interface  |
      | connectionData.ocppCsmsUrl     | matches /^wss:\/\//            |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its configurationSlot as networkSlot
    And the CSMS is asked to put configuration slot <networkSlot> first in NetworkConfigurationPriority
    Then the CSMS sends a SetVariablesRequest with
      | field                             | expectation                  |
      | setVariableData[0].variable.name  | NetworkConfigurationPriority |
      | setVariableData[0].component.name | OCPPCommCtrlr                |
    And its setVariableData[0].attributeValue lists configuration slot <networkSlot>
    And the charging station answered with
      | field                                | expectation                |
      | setVariableResult[0].attributeStatus | Accepted or RebootRequired |
    When the CSMS is asked to send a ResetRequest
    Then the CSMS sends a ResetRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station restarts and connects with its highest-priority network profile
    Then the CSMS accepts the upgrade
    When the charging station boots with reason RemoteReset
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the charging station reports all its connectors Available
    And the charging station disconnects from the CSMS
    And the charging station requests a WebSocket upgrade with
      | field                    | value                           |
      | security profile         | 2                               |
      | server certificate check | the configured CA and host name |
      | username                 | the configured station          |
      | password                 | the configured password         |
    Then the CSMS refuses the connection
    When the charging station requests a WebSocket upgrade with
      | field                    | value                           |
      | security profile         | 3                               |
      | server certificate check | the configured CA and host name |
      | client certificate       | its renewed certificate         |
      | Authorization            | absent                          |
    Then the CSMS accepts the upgrade
