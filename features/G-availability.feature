@availability
Feature: G Availability
  The CSMS sets the whole charging station, one EVSE or one connector Operative or Inoperative with
  ChangeAvailability, learns the result from the station's connector reports, and waits for a running
  transaction to end when the station answers Scheduled.

  The station plays its part from its availability model: each level (station, EVSE, connector)
  keeps its own operational status, persisted across a reboot; a change that would stop a running
  transaction is answered Scheduled and happens when the transaction ends; an Inoperative connector
  starts no transaction. After answering, the station owes the StatusNotificationRequest and the
  NotifyEventRequest (AvailabilityState) of every connector whose status changed, and sends them one
  after the other, each once the previous was answered. Its NotifyEventRequests are the station's
  own: a running eventId and seqNo, and eventNotificationType HardWiredNotification, because
  AvailabilityState is reported by the station itself and not by a monitor the CSMS set (the older
  suite sent eventId = the EVSE id, seqNo 1231230 and CustomMonitor). A report for the whole station
  names each connector, with its EVSE, as the connector is what changed.

  The station connects as BASIC_AUTH_CP (the older suite's CP_G is not needed). Where a case starts
  from an Unavailable EVSE, connector or station, the CSMS really made it so first (the older code only
  reported Unavailable, so the CSMS had to be told by other means).

  What is checked of the CSMS: its ChangeAvailabilityRequest (schema and the fields below), and that it
  answers every StatusNotificationRequest and NotifyEventRequest with a schema-valid CALLRESULT within
  OCPP_CALL_TIMEOUT, else the step that sent it fails.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_G_03_CSMS @G03
  Scenario: TC_G_03_CSMS Change Availability EVSE - Operative to inoperative
    Step 1 is the reusable state Unavailable for the configured EVSE, written out as its sub-steps
    1.1 to 1.6.

    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                |
      | operationalStatus | Inoperative          |
      | evse.id           | <CONFIGURED_EVSE_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation         |
      | operationalStatus | Inoperative         |
      | evse              | present             |
      | evse.id           | the configured EVSE |
      | evse.connectorId  | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                            | expectation         |
      | eventData[0].trigger             | Delta               |
      | eventData[0].actualValue         | "Unavailable"       |
      | eventData[0].component.name      | "Connector"         |
      | eventData[0].component.evse.id   | the configured EVSE |
      | eventData[0].variable.name       | "AvailabilityState" |

  @TC_G_04_CSMS @G03
  Scenario: TC_G_04_CSMS Change Availability EVSE - Inoperative to operative
    The EVSE is Unavailable beforehand because the CSMS made it so (reusable state Unavailable).

    Given the charging station is in state Unavailable
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                |
      | operationalStatus | Operative            |
      | evse.id           | <CONFIGURED_EVSE_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation         |
      | operationalStatus | Operative           |
      | evse              | present             |
      | evse.id           | the configured EVSE |
      | evse.connectorId  | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                          | expectation         |
      | eventData[0].trigger           | Delta               |
      | eventData[0].actualValue       | "Available"         |
      | eventData[0].component.name    | "Connector"         |
      | eventData[0].component.evse.id | the configured EVSE |
      | eventData[0].variable.name     | "AvailabilityState" |

  @TC_G_05_CSMS @G04
  Scenario: TC_G_05_CSMS Change Availability Charging Station - Operative to inoperative
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value       |
      | operationalStatus | Inoperative |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation |
      | operationalStatus | Inoperative |
      | evse              | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequests it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequests it owes
    Then the charging station sent a NotifyEventRequest with
      | field                       | expectation         |
      | eventData[0].trigger        | Delta               |
      | eventData[0].actualValue    | "Unavailable"       |
      | eventData[0].component.name | "Connector"         |
      | eventData[0].variable.name  | "AvailabilityState" |

  @TC_G_06_CSMS @G04
  Scenario: TC_G_06_CSMS Change Availability Charging Station - Inoperative to operative
    The station is Unavailable beforehand because the CSMS made it so (reusable state Unavailable
    for the whole station, from Available).

    Given the charging station is in state Unavailable with
      | field        | value |
      | wholeStation | true  |
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value     |
      | operationalStatus | Operative |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation |
      | operationalStatus | Operative   |
      | evse              | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequests it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    When the charging station sends the NotifyEventRequests it owes
    Then the charging station sent a NotifyEventRequest with
      | field                       | expectation         |
      | eventData[0].trigger        | Delta               |
      | eventData[0].actualValue    | "Available"         |
      | eventData[0].component.name | "Connector"         |
      | eventData[0].variable.name  | "AvailabilityState" |

  @TC_G_07_CSMS @G03
  Scenario: TC_G_07_CSMS Change Availability Connector - Operative to inoperative
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                     |
      | operationalStatus | Inoperative               |
      | evse.id           | <CONFIGURED_EVSE_ID>      |
      | evse.connectorId  | <CONFIGURED_CONNECTOR_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation              |
      | operationalStatus | Inoperative              |
      | evse              | present                  |
      | evse.id           | the configured EVSE      |
      | evse.connectorId  | the configured connector |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                 | expectation              |
      | eventData[0].trigger                  | Delta                    |
      | eventData[0].actualValue              | "Unavailable"            |
      | eventData[0].component.name           | "Connector"              |
      | eventData[0].component.evse.id        | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name            | "AvailabilityState"      |

  @TC_G_08_CSMS @G03
  Scenario: TC_G_08_CSMS Change Availability Connector - Inoperative to operative
    The connector is Unavailable beforehand because the CSMS set it Inoperative (the older code only
    reported it Unavailable).

    Given the CSMS has set the configured connector Inoperative
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                     |
      | operationalStatus | Operative                 |
      | evse.id           | <CONFIGURED_EVSE_ID>      |
      | evse.connectorId  | <CONFIGURED_CONNECTOR_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation              |
      | operationalStatus | Operative                |
      | evse              | present                  |
      | evse.id           | the configured EVSE      |
      | evse.connectorId  | the configured connector |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Available"              |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_G_11_CSMS @G03
  Scenario: TC_G_11_CSMS Change Availability EVSE - With ongoing transaction
    The change waits for the transaction: the station answers Scheduled and owes nothing until the
    transaction ends at the cable's unplugging (TxStopPoint EVConnected), which it reports Available
    first; then the EVSE becomes Unavailable. The stop comes from the station, without an idToken, as
    in the OCTT.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                |
      | operationalStatus | Inoperative          |
      | evse.id           | <CONFIGURED_EVSE_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation         |
      | operationalStatus | Inoperative         |
      | evse              | present             |
      | evse.id           | the configured EVSE |
      | evse.connectorId  | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Scheduled   |
    And the charging station owes no StatusNotificationRequest
    When the charging station enters state StopAuthorized with
      | field                | value |
      | presentIdTokenOnStop | false |
    And the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation |
      | connectorStatus | Available   |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.transactionId | transactionInfo.stoppedReason |
      | Ended     | EVCommunicationLost | <transactionId>               | EVDisconnected                |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                          | expectation         |
      | eventData[0].trigger           | Delta               |
      | eventData[0].actualValue       | "Unavailable"       |
      | eventData[0].component.name    | "Connector"         |
      | eventData[0].component.evse.id | the configured EVSE |
      | eventData[0].variable.name     | "AvailabilityState" |
    And the charging station owes no StatusNotificationRequest

  @TC_G_14_CSMS @G04
  Scenario: TC_G_14_CSMS Change Availability Charging Station - With ongoing transaction
    EVSEs without a transaction become Unavailable at once (steps 3-4; none with a single EVSE,
    which the transaction occupies); the EVSE of the transaction when it ends. As in every G case the
    station reports AvailabilityState with each status change, also where the OCTT's G_14 diagram
    leaves the NotifyEventRequest out; the CSMS must answer it either way.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value       |
      | operationalStatus | Inoperative |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation |
      | operationalStatus | Inoperative |
      | evse              | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Scheduled   |
    When the charging station reports Unavailable each connector without a transaction
    And the charging station enters state StopAuthorized with
      | field                | value |
      | presentIdTokenOnStop | false |
    And the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected
    Then the charging station sent these TransactionEventRequests
      | eventType | transactionInfo.transactionId |
      | Ended     | <transactionId>               |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station owes no StatusNotificationRequest

  @TC_G_17_CSMS @G03
  Scenario: TC_G_17_CSMS Change Availability Connector - With ongoing transaction
    The connector of the transaction waits for it to end; its AvailabilityState NotifyEventRequest
    follows the StatusNotificationRequest, as in every G case.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a ChangeAvailabilityRequest with
      | field             | value                     |
      | operationalStatus | Inoperative               |
      | evse.id           | <CONFIGURED_EVSE_ID>      |
      | evse.connectorId  | <CONFIGURED_CONNECTOR_ID> |
    Then the CSMS sends a ChangeAvailabilityRequest with
      | field             | expectation              |
      | operationalStatus | Inoperative              |
      | evse              | present                  |
      | evse.id           | the configured EVSE      |
      | evse.connectorId  | the configured connector |
    And the charging station answered with
      | field  | expectation |
      | status | Scheduled   |
    And the charging station owes no StatusNotificationRequest
    When the charging station enters state StopAuthorized with
      | field                | value |
      | presentIdTokenOnStop | false |
    And the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected
    Then the charging station sent these TransactionEventRequests
      | eventType | transactionInfo.transactionId |
      | Ended     | <transactionId>               |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Unavailable              |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station owes no StatusNotificationRequest

  @TC_G_20_CSMS @G05 @G05.FR.03
  Scenario: TC_G_20_CSMS Connector status Notification - Lock Failure
    The station reports that the plug-retention lock of its connector failed (G05.FR.02), with its
    own eventId and as a HardWiredNotification, the component naming the configured EVSE and
    connector whose lock failed (the older code named no EVSE); actualValue is the string "true" as
    in the OCTT. The CSMS must answer (G05.FR.03): the sending step fails on a CALLERROR, an invalid
    answer or none within OCPP_CALL_TIMEOUT.

    When the charging station sends a NotifyEventRequest with
      | field                       | value                        |
      | eventData[0].actualValue    | "true"                       |
      | eventData[0].component.name | "ConnectorPlugRetentionLock" |
      | eventData[0].variable.name  | "Problem"                    |
    Then the CSMS answered it with a NotifyEventResponse
