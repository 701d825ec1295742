@remoteControl
Feature: F Remote Control
  The CSMS controls a charging station from afar: it starts a transaction for an idToken
  (RequestStartTransaction), unlocks a connector and asks the station for a message
  (TriggerMessage).

  The station plays its part as a real one does. It connects as BASIC_AUTH_CP (the older suite's
  per-block station CP_F is not needed), boots (PowerUp) and reports its connectors before anything
  else, and uses the configured EVSE and connector everywhere (the older suite put EVSE 1 and
  connector 1 in some messages). Its answers follow from its state: a remote start is accepted on
  an EVSE that is operative and not yet authorized, UnlockConnector unlocks unless an authorized
  transaction runs there, TriggerMessage is accepted for a message the station can send and the
  triggered message is the one its model then owes, built when the scenario's step sends it. Every
  event of a transaction carries its one transactionId and seqNo counts per transaction from 0
  (E01, Edition 2), so the catalog's numbers, counted per connection from 1, read one lower. An
  event carries chargingState only when it changed, except a triggered one, which reports the
  transaction as it stands.

  What is checked of the CSMS: the requests it is made to send, field by field as the tables show;
  every request the station sends must be answered with a schema-valid CALLRESULT within
  OCPP_CALL_TIMEOUT, else the step that sent it fails; and where an event carries an idToken, the
  response must carry idTokenInfo, because TransactionEventResponse requires it then.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_F_01_CSMS @F01
  Scenario: TC_F_01_CSMS Remote start transaction - Cable plugin first
    The cable is plugged in first, so the station's TxStartPoint (EVConnected,Authorized) opens
    the transaction then; the remote start authorizes it, and the station answers with the id of
    that transaction. As the station does not ask the CSMS about remotely started tokens
    (AuthCtrlr.AuthorizeRemoteStart = false), no AuthorizeRequest is sent. Decided by the
    specification: the RemoteStart event names the idToken, because TransactionEventRequest.idToken
    is required when the driver becomes authorized (the older code sent none), so the CSMS must
    answer it with idTokenInfo; chargingState is left out of it, as it did not change.

    Given the charging station is configured with AuthCtrlr.AuthorizeRemoteStart = false
    When the charging station enters state EVConnectedPreSession
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Started   | CablePluggedIn | 0     | EVConnected                   | the configured EVSE | the configured connector |
    When the CSMS is asked to send a RequestStartTransactionRequest with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | evseId          | the configured EVSE               |
    Then the CSMS sends a RequestStartTransactionRequest with
      | field           | expectation                       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | remoteStartId   | an integer                        |
    And the charging station answered with
      | field         | expectation     |
      | status        | Accepted        |
      | transactionId | <transactionId> |
    When the charging station starts the transaction the CSMS requested
    Then the charging station sent no AuthorizeRequest
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.remoteStartId                   | transactionInfo.chargingState | idToken.idToken              | idToken.type                      | evse.id             | evse.connectorId         |
      | Updated   | RemoteStart   | 1     | <transactionId>               | <RequestStartTransactionRequest.remoteStartId> | absent                        | the configured valid idToken | the configured valid idToken type | the configured EVSE | the configured connector |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      | the configured EVSE | the configured connector |

  @TC_F_02_CSMS @F02 @F02.FR.01 @F01.FR.01
  Scenario: TC_F_02_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is true
    The station asks the CSMS about a remotely started idToken as if it were presented locally
    (AuthCtrlr.AuthorizeRemoteStart = true, F01.FR.01) and starts the transaction only once the CSMS
    accepted it; TxStartPoint Authorized opens it with a Started event that names the idToken and
    the remoteStartId. No connector is named before the cable is plugged in (the older code named
    the configured one at once); the plug-in and the energy transfer follow (EnergyTransferStarted,
    EVConnected false: parts 1 and 2).

    Given the charging station is configured with AuthCtrlr.AuthorizeRemoteStart = true
    When the CSMS is asked to send a RequestStartTransactionRequest with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | evseId          | the configured EVSE               |
    Then the CSMS sends a RequestStartTransactionRequest with
      | field           | expectation                       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | remoteStartId   | an integer                        |
    And the charging station answered with
      | field         | expectation |
      | status        | Accepted    |
      | transactionId | absent      |
    When the charging station starts the transaction the CSMS requested
    Then the charging station sent an AuthorizeRequest with
      | field           | expectation                       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.remoteStartId                   | idToken.idToken              | idToken.type                      | evse.id             | evse.connectorId |
      | Started   | RemoteStart   | 0     | <RequestStartTransactionRequest.remoteStartId> | the configured valid idToken | the configured valid idToken type | the configured EVSE | absent           |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Occupied                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         | idToken |
      | Updated   | CablePluggedIn       | 1     | <transactionId>               | EVConnected                   | the configured EVSE | the configured connector | absent  |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      | the configured EVSE | the configured connector | absent  |

  @TC_F_03_CSMS @F02 @F02.FR.01 @F01.FR.02
  Scenario: TC_F_03_CSMS Remote start transaction - Remote start first - AuthorizeRemoteStart is false
    Without AuthCtrlr.AuthorizeRemoteStart the remote start itself authorizes the idToken
    (F01.FR.02): no AuthorizeRequest, and the Started event still names the idToken, so its
    response must carry idTokenInfo. No connector is named before the cable is plugged in; the
    plug-in and the energy transfer follow (EnergyTransferStarted, EVConnected false: parts 1 and 2).

    Given the charging station is configured with AuthCtrlr.AuthorizeRemoteStart = false
    When the CSMS is asked to send a RequestStartTransactionRequest with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | evseId          | the configured EVSE               |
    Then the CSMS sends a RequestStartTransactionRequest with
      | field           | expectation                       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | remoteStartId   | an integer                        |
    And the charging station answered with
      | field         | expectation |
      | status        | Accepted    |
      | transactionId | absent      |
    When the charging station starts the transaction the CSMS requested
    Then the charging station sent no AuthorizeRequest
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.remoteStartId                   | idToken.idToken              | idToken.type                      | evse.id             | evse.connectorId |
      | Started   | RemoteStart   | 0     | <RequestStartTransactionRequest.remoteStartId> | the configured valid idToken | the configured valid idToken type | the configured EVSE | absent           |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Occupied                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Updated   | CablePluggedIn       | 1     | <transactionId>               | EVConnected                   | the configured EVSE | the configured connector |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      | the configured EVSE | the configured connector |

  @TC_F_04_CSMS @F02 @E03 @E03.FR.04 @E03.FR.05
  Scenario: TC_F_04_CSMS Remote start transaction - Remote start first - Cable plugin timeout
    The remote start opens the transaction, but no EV is plugged in: the station's
    TxCtrlr.EVConnectionTimeOut (set to the configured transaction duration, as long as the OCTT
    waited) runs from the remote authorization on the suite's scaled clock. Decided by the
    specification: when it expires the authorization ends (C01.FR.26) and the transaction it opened
    ends with triggerReason EVConnectTimeout and stoppedReason Timeout (E03.FR.05 asks for the
    stoppedReason in the Ended event); the older code sent an Updated event and left the
    transaction open.

    Given the charging station is configured with AuthCtrlr.AuthorizeRemoteStart = false
    And the charging station's EV connection timeout is the configured transaction duration
    When the CSMS is asked to send a RequestStartTransactionRequest with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | evseId          | the configured EVSE               |
    Then the CSMS sends a RequestStartTransactionRequest with
      | field           | expectation                       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | remoteStartId   | an integer                        |
    And the charging station answered with
      | field         | expectation |
      | status        | Accepted    |
      | transactionId | absent      |
    When the charging station starts the transaction the CSMS requested
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.remoteStartId                   | idToken.idToken              | idToken.type                      | evse.id             |
      | Started   | RemoteStart   | 0     | <RequestStartTransactionRequest.remoteStartId> | the configured valid idToken | the configured valid idToken type | the configured EVSE |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When no EV is plugged in within the EV connection timeout of the remote start
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason    | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason | idToken |
      | Ended     | EVConnectTimeout | 1     | <transactionId>               | Timeout                       | absent  |

  @TC_F_06_CSMS @F05
  Scenario: TC_F_06_CSMS Remote unlock Connector - Without ongoing transaction - Accepted
    No transaction runs on the EVSE, so the station unlocks the connector. The title's Accepted is
    UnlockStatus Unlocked (UnlockStatusEnumType has no Accepted).

    When the CSMS is asked to send an UnlockConnectorRequest with
      | field       | value                    |
      | evseId      | the configured EVSE      |
      | connectorId | the configured connector |
    Then the CSMS sends an UnlockConnectorRequest with
      | field       | expectation              |
      | evseId      | the configured EVSE      |
      | connectorId | the configured connector |
    And the charging station answered with
      | field  | expectation |
      | status | Unlocked    |

  @TC_F_11_CSMS @F06 @F06.FR.01 @F06.FR.02
  Scenario: TC_F_11_CSMS Trigger message - MeterValues - Specific EVSE
    The station reads the meter of the named EVSE with its AlignedDataCtrlr.Measurands (the
    energy register), in context Trigger; no energy has flowed yet, so the register reads 0.

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value               |
      | requestedMessage | MeterValues         |
      | evse.id          | the configured EVSE |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation         |
      | requestedMessage | MeterValues         |
      | evse.id          | the configured EVSE |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the MeterValuesRequest it owes
    Then the charging station sent a MeterValuesRequest with
      | field                                   | expectation                   |
      | evseId                                  | the configured EVSE           |
      | meterValue[0].timestamp                 | a date-time                   |
      | meterValue[0].sampledValue[0].value     | 0                             |
      | meterValue[0].sampledValue[0].context   | Trigger                       |
      | meterValue[0].sampledValue[0].measurand | Energy.Active.Import.Register |

  @TC_F_12_CSMS @F06 @F06.FR.01
  Scenario: TC_F_12_CSMS Trigger message - MeterValues - All EVSE
    Without evse the request is for every EVSE: the station sends one MeterValuesRequest per EVSE,
    as the OCTT describes (the older code sent one, for the configured EVSE). The request must then
    have no evse, as the title and the manual action say (the older code checked that too).

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value       |
      | requestedMessage | MeterValues |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation |
      | requestedMessage | MeterValues |
      | evse             | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the MeterValuesRequests it owes
    Then the charging station sent a MeterValuesRequest for every EVSE, each with
      | field                                 | expectation |
      | meterValue[0].timestamp               | a date-time |
      | meterValue[0].sampledValue[0].value   | 0           |
      | meterValue[0].sampledValue[0].context | Trigger     |

  @TC_F_13_CSMS @F06 @F06.FR.01 @F06.FR.02
  Scenario: TC_F_13_CSMS Trigger message - TransactionEvent - Specific EVSE
    A transaction runs on the configured EVSE (Authorized, then EnergyTransferStarted with the
    EVConnected part), so the station sends an Updated event with triggerReason Trigger that
    reports it as it stands: chargingState Charging and a reading of its
    SampledDataCtrlr.TxUpdatedMeasurands in context Trigger. Energy has flowed by then, so the
    register reads more than the older code's fixed 0.0.

    Given the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value               |
      | requestedMessage | TransactionEvent    |
      | evse.id          | the configured EVSE |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation         |
      | requestedMessage | TransactionEvent    |
      | evse.id          | the configured EVSE |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the TransactionEventRequest it owes
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         | meterValue[0].timestamp | meterValue[0].sampledValue[0].value | meterValue[0].sampledValue[0].context |
      | Updated   | Trigger       | 3     | <transactionId>               | Charging                      | the configured EVSE | the configured connector | a date-time             | a number                            | Trigger                               |

  @TC_F_14_CSMS @F06 @F06.FR.01
  Scenario: TC_F_14_CSMS Trigger message - TransactionEvent - All EVSE
    Without evse the request is for every running transaction; one runs. The request must have no
    evse, as the title and the manual action say. Decided by the specification: the triggered event
    names the EVSE of its transaction (evse is optional after the first event; the OCTT left it
    out), so that a CSMS can tell the EVSEs apart.

    Given the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value            |
      | requestedMessage | TransactionEvent |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation      |
      | requestedMessage | TransactionEvent |
      | evse             | absent           |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the TransactionEventRequests it owes
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | meterValue[0].timestamp | meterValue[0].sampledValue[0].value | meterValue[0].sampledValue[0].context |
      | Updated   | Trigger       | 3     | <transactionId>               | Charging                      | the configured EVSE | a date-time             | a number                            | Trigger                               |

  @TC_F_15_CSMS @F06 @F06.FR.01
  Scenario: TC_F_15_CSMS Trigger message - LogStatusNotification - Idle
    No log upload runs, so the station reports Idle, without requestId (it is required only while
    an upload runs).

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value                 |
      | requestedMessage | LogStatusNotification |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation           |
      | requestedMessage | LogStatusNotification |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the LogStatusNotificationRequest it owes
    Then the charging station sent a LogStatusNotificationRequest with
      | field     | expectation |
      | status    | Idle        |
      | requestId | absent      |

  @TC_F_18_CSMS @F06 @F06.FR.01
  Scenario: TC_F_18_CSMS Trigger message - FirmwareStatusNotification - Idle
    No firmware update runs, so the station reports Idle, without requestId (it is required only
    while an update runs).

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value                      |
      | requestedMessage | FirmwareStatusNotification |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation                |
      | requestedMessage | FirmwareStatusNotification |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the FirmwareStatusNotificationRequest it owes
    Then the charging station sent a FirmwareStatusNotificationRequest with
      | field     | expectation |
      | status    | Idle        |
      | requestId | absent      |

  @TC_F_20_CSMS @F06 @F06.FR.01
  Scenario: TC_F_20_CSMS Trigger message - Heartbeat
    The HeartbeatResponse must carry the CSMS's current time (the older code checked that too).

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value     |
      | requestedMessage | Heartbeat |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation |
      | requestedMessage | Heartbeat   |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the HeartbeatRequest it owes
    Then the CSMS responds with
      | field       | expectation |
      | currentTime | a date-time |

  @TC_F_23_CSMS @F06 @F06.FR.01 @F06.FR.02 @F06.FR.13
  Scenario: TC_F_23_CSMS Trigger message - StatusNotification - Specific EVSE - Available
    The request names the EVSE but no connector, so the station reports each connector of that
    EVSE (the configured one), each StatusNotification followed by its NotifyEvent and each
    answered before the next is sent. The NotifyEvent is the station's own, as in the Background
    (HardWiredNotification, the connector named by evse; the older code used CustomMonitor).

    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value               |
      | requestedMessage | StatusNotification  |
      | evse.id          | the configured EVSE |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation         |
      | requestedMessage | StatusNotification  |
      | evse.id          | the configured EVSE |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | timestamp       | a date-time              |
      | connectorStatus | Available                |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | Available                |
      | eventData[0].component.name             | Connector                |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | AvailabilityState        |

  @TC_F_24_CSMS @F06 @F06.FR.01 @F06.FR.02 @F06.FR.13
  Scenario: TC_F_24_CSMS Trigger message - StatusNotification - Specific EVSE - Occupied
    The station reports the configured connector Occupied (no transaction starts), then the CSMS
    asks for its status, which the station reports as it now is: Occupied. The TriggerMessageRequest
    is the request the catalog's validation ("Step 1 (Step 3 in spec)") means.

    When the charging station reports the configured connector Occupied
    And the CSMS is asked to send a TriggerMessageRequest with
      | field            | value               |
      | requestedMessage | StatusNotification  |
      | evse.id          | the configured EVSE |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation         |
      | requestedMessage | StatusNotification  |
      | evse.id          | the configured EVSE |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | timestamp       | a date-time              |
      | connectorStatus | Occupied                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | Occupied                 |
      | eventData[0].component.name             | Connector                |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | AvailabilityState        |

  @TC_F_27_CSMS @F06 @F06.FR.08
  Scenario: TC_F_27_CSMS Trigger message - NotImplemented
    The older code answered NotImplemented whatever was asked. Here the answer has a cause: the
    station is a plain charging station, not a Local Controller, so it cannot send a
    PublishFirmwareStatusNotification (L03), and the CSMS is made to ask for one. Nothing follows:
    the station owes nothing afterwards.

    Given the charging station is no local controller
    When the CSMS is asked to send a TriggerMessageRequest with
      | field            | value                             |
      | requestedMessage | PublishFirmwareStatusNotification |
    Then the CSMS sends a TriggerMessageRequest with
      | field            | expectation                       |
      | requestedMessage | PublishFirmwareStatusNotification |
    And the charging station answered with
      | field  | expectation    |
      | status | NotImplemented |
    And the charging station owes nothing
