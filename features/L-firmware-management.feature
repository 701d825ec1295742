@firmwareManagement
Feature: L Firmware Management
  The CSMS updates the firmware of a charging station (secure firmware update, L01) and has a
  Local Controller publish and withdraw firmware files (L03, L04).

  Everything happens for real. The suite plays the manufacturer as well: a firmware server on
  loopback offers firmware images signed with a manufacturer PKI (generated into .pki/firmware;
  the station trusts its root, or MANUFACTURER_ROOT_CERT when given). The CSMS is told the image's
  location, signing certificate and signature through the operator, as a CSO's firmware repository
  would give them. The station checks the signing certificate before it answers, downloads the image
  from that location (honouring retries and retryInterval), checks the signature over the bytes it
  got, waits for retrieveDateTime, installDateTime and running transactions on its own clock,
  installs, and reboots over a new connection with reason FirmwareUpdate. Each failure has a real
  cause set up by a Given: a revoked or foreign signing certificate, a missing or corrupted image, a
  station that fails to install.

  The station sends the notifications of the update as it gets there: each "reports" step takes the
  next message it sent, in order, and fails when another came first or the CSMS did not answer it.
  Every FirmwareStatusNotificationRequest carries the requestId of the UpdateFirmwareRequest, as
  OCPP 2.0.1 asks of a station while an update runs (the OCTT sent status only; a CSMS must accept
  both). The station uses the configured EVSE and connector everywhere, also after the reboot (the
  older suite used EVSE 1 there).

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_L_01_CSMS @L01 @L01.FR.01 @L01.FR.11 @L01.FR.15
  Scenario: TC_L_01_CSMS Secure Firmware Update - Installation successful
    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest with
      | field                       | expectation        |
      | firmware.signingCertificate | a non-empty string |
      | firmware.signature          | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_02_CSMS @L01 @L01.FR.01 @L01.FR.11 @L01.FR.15
  Scenario: TC_L_02_CSMS Secure Firmware Update - InstallScheduled
    The installation time lies 10 seconds ahead on the station's clock (scaled by TIME_SCALE). The
    station really waits for it before it reports Installing (the older code paused one second).

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin" with
      | field                    | value                  |
      | firmware.installDateTime | <station clock + 10 s> |
    Then the CSMS sends an UpdateFirmwareRequest with
      | field                    | expectation |
      | firmware.installDateTime | a date-time |
    And its firmware.installDateTime is a date-time later than when the charging station received it
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status InstallScheduled
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_03_CSMS @L01 @L01.FR.01 @L01.FR.11 @L01.FR.15
  Scenario: TC_L_03_CSMS Secure Firmware Update - DownloadScheduled
    The retrieve time lies 10 seconds ahead on the station's clock; the station downloads only then
    (the older code paused one second).

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin" with
      | field                     | value                  |
      | firmware.retrieveDateTime | <station clock + 10 s> |
    Then the CSMS sends an UpdateFirmwareRequest with
      | field                     | expectation |
      | firmware.retrieveDateTime | a date-time |
    And its firmware.retrieveDateTime is a date-time later than when the charging station received it
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status DownloadScheduled
    And the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_04_CSMS @L01 @L01.FR.01
  Scenario: TC_L_04_CSMS Secure Firmware Update - RevokedCertificate
    The manufacturer revoked the signing certificate; the station refuses the request before it
    downloads anything. As in the OCTT, a revoked certificate raises no security event (OCPP 2.0.1
    asks one for an invalid certificate only).

    Given the firmware server offers the firmware "firmware-2.0.bin" signed with a revoked signing certificate of the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation        |
      | status | RevokedCertificate |

  @TC_L_05_CSMS @L01 @L01.FR.01
  Scenario: TC_L_05_CSMS Secure Firmware Update - InvalidCertificate
    The signing certificate was issued by a root the station does not trust.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed with a signing certificate of another manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation        |
      | status | InvalidCertificate |
    Then the charging station reports the security event InvalidFirmwareSigningCertificate

  @TC_L_06_CSMS @L01 @L01.FR.01 @L01.FR.11
  Scenario: TC_L_06_CSMS Secure Firmware Update - InvalidSignature
    The firmware server holds a corrupted copy: the signature, made over the genuine image, does not
    verify over the bytes the station downloaded.

    Given the firmware server offers a corrupted copy of the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status InvalidSignature
    And the charging station reports the security event InvalidFirmwareSignature

  @TC_L_07_CSMS @L01 @L01.FR.01 @L01.FR.11
  Scenario: TC_L_07_CSMS Secure Firmware Update - DownloadFailed
    The image is not on the firmware server: both attempts (one retry after 1 s) answer 404.

    Given the firmware "firmware-2.0.bin" signed by the manufacturer is missing from the firmware server
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin" with
      | field         | value |
      | retries       | 1     |
      | retryInterval | 1     |
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status DownloadFailed

  @TC_L_08_CSMS @L01 @L01.FR.01 @L01.FR.11
  Scenario: TC_L_08_CSMS Secure Firmware Update - InstallVerificationFailed
    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    And the charging station fails to verify the firmware it installs
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallVerificationFailed

  @TC_L_09_CSMS @L01 @L01.FR.01 @L01.FR.11
  Scenario: TC_L_09_CSMS Secure Firmware Update - InstallationFailed
    The installation fails; the station finds out once it rebooted and reports it then.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    And the charging station fails to install the firmware
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status InstallationFailed

  @TC_L_10_CSMS @L01 @L01.FR.01 @L01.FR.11 @L01.FR.24
  Scenario: TC_L_10_CSMS Secure Firmware Update - AcceptedCanceled
    The first download fails once, so the station is still downloading (it retries after 10 s on its
    clock) when the second request arrives. It cancels the first update, answers AcceptedCanceled,
    and the statuses that follow belong to the second update (its requestId).

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer, failing its first download
    And the firmware server offers the firmware "firmware-2.1.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin" with
      | field         | value |
      | retries       | 1     |
      | retryInterval | 10    |
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.1.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation      |
      | status | AcceptedCanceled |
    Then the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_11_CSMS @L01 @L01.FR.01 @L01.FR.11 @L01.FR.27
  Scenario: TC_L_11_CSMS Secure Firmware Update - Unable to cancel
    As in TC_L_10 the first download fails once; this station cannot cancel an update in progress,
    so it rejects the second request and the first update goes on after its retry interval
    (10 s on the station's clock), from Downloaded.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer, failing its first download
    And the firmware server offers the firmware "firmware-2.1.bin" signed by the manufacturer
    And the charging station cannot cancel a firmware update in progress
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin" with
      | field         | value |
      | retries       | 1     |
      | retryInterval | 10    |
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status Downloading
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.1.bin"
    Then the CSMS sends an UpdateFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Rejected    |
    Then the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_13_CSMS @L01 @L01.FR.01 @L01.FR.11
  Scenario: TC_L_13_CSMS Secure Firmware Update - Ongoing transaction, AllowNewSessionsPendingFirmwareUpdate=false
    The station must not install while a transaction runs; it postpones the update, download
    included (DownloadScheduled, as in the OCTT). With AllowNewSessionsPendingFirmwareUpdate false no
    new session may start meanwhile, so the connector goes Unavailable, as OCPP 2.0.1 says, once
    its transaction has ended (the OCTT reported Unavailable while it still charged, and Available
    again at EVDisconnected); the update then proceeds.

    Given the charging station is configured with ChargingStation.AllowNewSessionsPendingFirmwareUpdate = false
    And the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    And the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UpdateFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UpdateFirmwareRequest with
      | field                       | expectation        |
      | firmware.signingCertificate | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the firmware status DownloadScheduled
    When the EV has charged for the configured transaction duration
    And the charging station enters state StopAuthorized
    And the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected
    Then the charging station reports on its own that its connectors are Unavailable
    And the charging station reports the firmware status Downloading
    And the charging station reports the firmware status Downloaded
    And the charging station reports the firmware status SignatureVerified
    And the charging station reports the firmware status Installing
    And the charging station reports the firmware status InstallRebooting
    Then the charging station reboots and boots with reason FirmwareUpdate
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    And the charging station reports on its own that its connectors are Available
    And the charging station reports the firmware status Installed

  @TC_L_17_CSMS @optional @L03
  Scenario: TC_L_17_CSMS Publish Firmware - Published
    The station, as Local Controller, checks the MD5 checksum of what it downloaded and serves the
    file on its own loopback file server; the URI it reports really serves that file.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send a PublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends a PublishFirmwareRequest with
      | field    | expectation        |
      | location | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the publish firmware status Downloading
    And the charging station reports the publish firmware status Downloaded
    And the charging station reports the publish firmware status ChecksumVerified
    And the charging station reports the publish firmware status Published with the URI it serves the firmware "firmware-2.0.bin" at

  @TC_L_19_CSMS @optional @L03
  Scenario: TC_L_19_CSMS Publish Firmware - Invalid Checksum
    The firmware server holds a corrupted copy, so its MD5 is not the checksum the CSMS gave.

    Given the firmware server offers a corrupted copy of the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send a PublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends a PublishFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the publish firmware status Downloading
    And the charging station reports the publish firmware status Downloaded
    And the charging station reports the publish firmware status InvalidChecksum

  @TC_L_20_CSMS @optional @L03
  Scenario: TC_L_20_CSMS Publish Firmware - PublishFailed
    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    And the charging station's local file server is out of service
    When the CSMS is asked to send a PublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends a PublishFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the publish firmware status Downloading
    And the charging station reports the publish firmware status Downloaded
    And the charging station reports the publish firmware status ChecksumVerified
    And the charging station reports the publish firmware status PublishFailed

  @TC_L_21_CSMS @optional @L04
  Scenario: TC_L_21_CSMS Unpublish Firmware - Unpublished
    The station published the firmware before (its own operator had it do so); afterwards it no
    longer serves it.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    And the charging station publishes the firmware "firmware-2.0.bin" as Local Controller
    When the CSMS is asked to send an UnpublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UnpublishFirmwareRequest with
      | field    | expectation        |
      | checksum | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | Unpublished |
    And the charging station no longer serves the firmware "firmware-2.0.bin"

  @TC_L_22_CSMS @optional @L04
  Scenario: TC_L_22_CSMS Unpublish Firmware - NoFirmware
    The station publishes nothing.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer
    When the CSMS is asked to send an UnpublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UnpublishFirmwareRequest with
      | field    | expectation        |
      | checksum | a non-empty string |
    And the charging station answered with
      | field  | expectation |
      | status | NoFirmware  |

  @TC_L_23_CSMS @optional @L04
  Scenario: TC_L_23_CSMS Unpublish Firmware - Download Ongoing
    The station is still downloading the file it is to publish: the first attempt failed and it
    waits to retry.

    Given the firmware server offers the firmware "firmware-2.0.bin" signed by the manufacturer, failing its first download
    And the charging station is downloading the firmware "firmware-2.0.bin" to publish it, retrying every 600 s
    When the CSMS is asked to send an UnpublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends an UnpublishFirmwareRequest with
      | field    | expectation        |
      | checksum | a non-empty string |
    And the charging station answered with
      | field  | expectation     |
      | status | DownloadOngoing |

  @TC_L_24_CSMS @optional @L03
  Scenario: TC_L_24_CSMS Publish Firmware - Download failed
    The file is not on the firmware server.

    Given the firmware "firmware-2.0.bin" signed by the manufacturer is missing from the firmware server
    When the CSMS is asked to send a PublishFirmwareRequest for the firmware "firmware-2.0.bin"
    Then the CSMS sends a PublishFirmwareRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    Then the charging station reports the publish firmware status Downloading
    And the charging station reports the publish firmware status DownloadFailed
