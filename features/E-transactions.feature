@transactions
Feature: E Transactions
  The CSMS follows transactions as the charging station reports them: started and ended where the
  station's TxStartPoint and TxStopPoint say, numbered by seqNo, delivered late after a connection
  loss, and asked about with GetTransactionStatus.

  The station plays its part as a real one does, also where the older suite did otherwise. It
  connects as BASIC_AUTH_CP (the older suite's per-block station CP_E is not needed), boots
  (PowerUp) and reports its connectors before anything else, and a reconnect after a
  connection loss is no reboot, so then it sends no BootNotification, only the status of the
  connectors that changed meanwhile. It uses the configured EVSE and connector everywhere (the older
  suite put EVSE 1 in its StatusNotifications). Every event of a transaction carries the one
  transactionId of that transaction, and seqNo counts per transaction from 0 (E01, Edition 2), so
  the catalog's numbers, counted per connection from 1, read one lower. The TxCtrlr settings a
  scenario gives decide when a transaction starts and ends; the tables under "the charging station
  sent these TransactionEventRequests" show what the station sent because of them. An event carries
  chargingState only when it changed (TransactionType), evse on every event, the
  TxStartedMeasurands reading in a Started event and the TxEndedMeasurands reading in an Ended one.
  A driver who stops locally presents the idToken again (E07), so that event names it.

  What is checked of the CSMS: every request the station sends must be answered with a
  schema-valid CALLRESULT within OCPP_CALL_TIMEOUT, else the step that sent it fails; and where an
  event carries an idToken, the response must carry idTokenInfo, because TransactionEventResponse
  requires it then (the older suite checked idTokenInfo.status only when idTokenInfo was present).

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_E_01_CSMS @E01 @E01.FR.05
  Scenario: TC_E_01_CSMS Start transaction options - PowerPathClosed
    The transaction starts when the power path closes, after authorization and plug-in, so these
    two send no TransactionEventRequest; the Started event names the idToken authorized before.

    Given the charging station is configured with TxCtrlr.TxStartPoint = PowerPathClosed
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent no TransactionEventRequest
    When the EV is plugged into the configured connector
    Then the charging station sent no TransactionEventRequest
    When the charging station closes the power path
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | idToken.idToken              | evse.id             | evse.connectorId         |
      | Started   | ChargingStateChanged | 0     | <transactionId>               | SuspendedEVSE                 | the configured valid idToken | the configured EVSE | the configured connector |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 1     | <transactionId>               | Charging                      |

  @TC_E_02_CSMS @E01 @E01.FR.06
  Scenario: TC_E_02_CSMS Start transaction options - EnergyTransfer
    The transaction starts when energy flows: authorization and plug-in send no
    TransactionEventRequest, and the first one is a Started event with chargingState Charging.

    Given the charging station is configured with TxCtrlr.TxStartPoint = EnergyTransfer
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent no TransactionEventRequest
    When the EV is plugged into the configured connector
    Then the charging station sent no TransactionEventRequest
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.chargingState | idToken.idToken              | evse.id             | evse.connectorId         |
      | Started   | ChargingStateChanged | 0     | Charging                      | the configured valid idToken | the configured EVSE | the configured connector |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |

  @TC_E_03_CSMS @E02 @E02.FR.02
  Scenario: TC_E_03_CSMS Local start transaction - Cable plugin first - Success
    The transaction starts at plug-in; the later authorization and energy transfer update it. The
    Started event carries the SampledDataCtrlr.TxStartedMeasurands reading (Transaction.Begin),
    which is what E02.FR.02 asks of a station; the older code sent no meter value.

    Given the charging station is configured with TxCtrlr.TxStartPoint = EVConnected
    When the charging station enters state EVConnectedPreSession
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.chargingState | evse.id             | evse.connectorId         | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Started   | CablePluggedIn | 0     | EVConnected                   | the configured EVSE | the configured connector | Transaction.Begin                     | Energy.Active.Import.Register           |
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | idToken.idToken              | idToken.type                      |
      | Updated   | Authorized    | 1     | <transactionId>               | the configured valid idToken | the configured valid idToken type |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      |

  @TC_E_04_CSMS @E03 @E03.FR.02
  Scenario: TC_E_04_CSMS Local start transaction - Authorization first - Success
    The transaction starts at authorization and names the idToken there, once (E03.FR.02); plug-in
    and energy transfer update it.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | idToken.idToken              | idToken.type                      | evse.id             | transactionInfo.chargingState |
      | Started   | Authorized    | 0     | the configured valid idToken | the configured valid idToken type | the configured EVSE | absent                        |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | idToken |
      | Updated   | CablePluggedIn       | 1     | <transactionId>               | EVConnected                   | absent  |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      | absent  |

  @TC_E_07_CSMS @E06 @E06.FR.06
  Scenario: TC_E_07_CSMS Stop transaction options - PowerPathClosed - Local stop
    The driver stops locally by presenting the idToken again: the station opens its power path and,
    as TxStopPoint is PowerPathClosed, that one event ends the transaction. It carries the idToken
    (E07), so its response must carry idTokenInfo; the older code sent the event without idToken.

    Given the charging station is configured with TxCtrlr.TxStopPoint = PowerPathClosed
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the driver presents the configured valid idToken to stop the transaction
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason | transactionInfo.chargingState | idToken.idToken              | meterValue[0].sampledValue[0].context |
      | Ended     | StopAuthorized | 3     | <transactionId>               | Local                         | EVConnected                   | the configured valid idToken | Transaction.End                       |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |

  @TC_E_08_CSMS @E06 @E06.FR.07
  Scenario: TC_E_08_CSMS Stop transaction options - EnergyTransfer stopped - StopAuthorized
    With TxStopPoint EnergyTransfer the stop authorization only updates the transaction; it ends
    when the station then stops the energy transfer and the EV stays plugged in.

    Given the charging station is configured with TxCtrlr.TxStopPoint = EnergyTransfer
    And the charging station is in state StopAuthorized
    When the charging station stops the energy transfer
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Ended     | ChargingStateChanged | 4     | <transactionId>               | EVConnected                   | Local                         |

  @TC_E_09_CSMS @E01 @E01.FR.02
  Scenario: TC_E_09_CSMS Start transaction options - EVConnected
    The transaction starts at plug-in, before anyone is authorized: no idToken anywhere.

    Given the charging station is configured with TxCtrlr.TxStartPoint = EVConnected
    When the EV is plugged into the configured connector
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.chargingState | evse.id             | evse.connectorId         | idToken |
      | Started   | CablePluggedIn | 0     | EVConnected                   | the configured EVSE | the configured connector | absent  |

  @TC_E_10_CSMS @E01 @E01.FR.03
  Scenario: TC_E_10_CSMS Start transaction options - Authorized - Local
    The transaction starts at the local authorization; no EV is connected yet, so the Started
    event has no chargingState.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | idToken.idToken              | idToken.type                      | evse.id             | transactionInfo.chargingState |
      | Started   | Authorized    | 0     | the configured valid idToken | the configured valid idToken type | the configured EVSE | absent                        |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |

  @TC_E_11_CSMS @E01 @E01.FR.04
  Scenario: TC_E_11_CSMS Start transaction options - DataSigned
    The transaction starts when the meter delivers signed data. The station's meter really signs its
    reading (OCMF, ECDSA P-256, with its public key), where the older code sent base64 of dummy
    text; the CSMS must accept it either way.

    Given the charging station is configured with TxCtrlr.TxStartPoint = DataSigned
    And the charging station is configured with SampledDataCtrlr.SignReadings = true
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent no TransactionEventRequest
    When the EV is plugged into the configured connector
    Then the charging station sent no TransactionEventRequest
    When the charging station receives signed meter data
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason      | seqNo | transactionInfo.chargingState | idToken.idToken              | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].signedMeterValue.signingMethod | meterValue[0].sampledValue[0].signedMeterValue.encodingMethod | meterValue[0].sampledValue[0].signedMeterValue.publicKey |
      | Started   | SignedDataReceived | 0     | SuspendedEVSE                 | the configured valid idToken | Transaction.Begin                     | ECDSA-secp256r1-SHA256                                       | OCMF                                                          | a non-empty string                                       |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 1     | <transactionId>               | Charging                      |

  @TC_E_12_CSMS @E01 @E01.FR.01
  Scenario: TC_E_12_CSMS Start transaction options - ParkingBayOccupied
    The transaction starts when the EV occupies the parking bay, before any connector is in use:
    the Started event names the bay's EVSE but no connector (the older code sent no evse at all;
    a station knows which EVSE the bay belongs to).

    Given the charging station is configured with TxCtrlr.TxStartPoint = ParkingBayOccupancy
    When the EV enters the parking bay
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | evse.id             | evse.connectorId | idToken | transactionInfo.chargingState |
      | Started   | EVDetected    | 0     | the configured EVSE | absent           | absent  | absent                        |

  @TC_E_14_CSMS @E06 @E06.FR.02
  Scenario: TC_E_14_CSMS Stop transaction options - EVDisconnected - Charging Station side
    With TxStopPoint EVConnected the transaction ends when the cable is pulled at the station: the
    connector is reported Available and the Ended event follows.

    Given the charging station is configured with TxCtrlr.TxStopPoint = EVConnected
    And the charging station is in state EVConnectedPostSession
    When the EV is unplugged from the configured connector
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason | evse.id             |
      | Ended     | EVCommunicationLost | 5     | <transactionId>               | Idle                          | EVDisconnected                | the configured EVSE |
    And the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |

  @TC_E_15_CSMS @E06 @E06.FR.03
  Scenario: TC_E_15_CSMS Stop transaction options - StopAuthorized - Local
    With TxStopPoint Authorized the local stop ends the transaction in one event; the driver
    presents the idToken again (E07), so the response must carry idTokenInfo.

    Given the charging station is configured with TxCtrlr.TxStopPoint = Authorized
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the driver presents the configured valid idToken to stop the transaction
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason | idToken.idToken              |
      | Ended     | StopAuthorized | 3     | <transactionId>               | Local                         | the configured valid idToken |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |

  @TC_E_16_CSMS @E06 @E06.FR.04 @E01.FR.11 @E01.FR.12
  Scenario: TC_E_16_CSMS Stop transaction options - Deauthorized - Invalid idToken
    The station starts the transaction without an AuthorizeRequest because its authorization cache
    holds the invalid idToken as Accepted and LocalPreAuthorize is on (the only way a real station
    sends an unverified idToken); the CSMS must then reject the idToken in the response, and the
    station ends the transaction as Deauthorized. The check accepts Invalid or Unknown, as the OCTT
    does: the CSMS holds the configured invalid idToken as invalid or does not know it.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    And the charging station is configured with TxCtrlr.TxStopPoint = Authorized
    And the charging station is configured with AuthCtrlr.LocalPreAuthorize = true
    And the charging station's authorization cache holds the configured invalid idToken as Accepted
    When the driver presents the configured invalid idToken
    Then the charging station sent no AuthorizeRequest
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | idToken.idToken                | idToken.type                        | evse.id             |
      | Started   | Authorized    | 0     | the configured invalid idToken | the configured invalid idToken type | the configured EVSE |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation        |
      | idTokenInfo        | present            |
      | idTokenInfo.status | Invalid or Unknown |
    When the charging station deauthorizes the transaction because the CSMS rejected the idToken
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason |
      | Ended     | Deauthorized  | 1     | <transactionId>               | DeAuthorized                  |

  @TC_E_17_CSMS @E06 @E06.FR.04
  Scenario: TC_E_17_CSMS Stop transaction options - Deauthorized - EV side disconnect
    TxStopPoint is Authorized and the cable is pulled at the EV side while charging is suspended.
    With TxCtrlr.StopTxOnEVSideDisconnect true (the default) the disconnect ends the authorization
    and so the transaction (E09), as the OCTT's Ended event says; the CSMS is not asked to
    deauthorize anything, whatever the block's setup notes suggest. The station also reports the
    connector Available, which the older code did not.

    Given the charging station is configured with TxCtrlr.TxStopPoint = Authorized
    And the charging station is in state EnergyTransferSuspended
    When the cable is unplugged at the EV side
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Ended     | EVCommunicationLost | 4     | <transactionId>               | Idle                          | EVDisconnected                |

  @TC_E_19_CSMS @E06 @E06.FR.01
  Scenario: TC_E_19_CSMS Stop transaction options - ParkingBayUnoccupied
    With TxStopPoint ParkingBayOccupancy neither the stop authorization nor pulling the cable ends
    the transaction; it ends when the EV leaves the bay. The bay was occupied first (the state
    ParkingBayOccupied), which with the default TxStartPoint starts nothing.

    Given the charging station is configured with TxCtrlr.TxStopPoint = ParkingBayOccupancy
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVDisconnected
    When the EV leaves the parking bay
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason | transactionInfo.chargingState |
      | Ended     | EVDeparted    | 6     | <transactionId>               | Local                         | absent                        |

  @TC_E_20_CSMS @E06 @E10 @E06.FR.02
  Scenario: TC_E_20_CSMS Stop transaction options - EVDisconnected - EV side (IEC 61851-1)
    With TxStopPoint EVConnected, pulling the cable at the EV side while charging is suspended ends
    the transaction: the connector is reported Available and the Ended event follows.

    Given the charging station is configured with TxCtrlr.TxStopPoint = EVConnected
    And the charging station is in state EnergyTransferSuspended
    When the cable is unplugged at the EV side
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Ended     | EVCommunicationLost | 4     | <transactionId>               | Idle                          | EVDisconnected                |
    And the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |

  @TC_E_21_CSMS @E06 @F03 @E06.FR.03 @F03.FR.01 @F03.FR.09 @F03.FR.10
  Scenario: TC_E_21_CSMS Stop transaction options - StopAuthorized - Remote
    The CSMS is made to stop the running transaction; the station accepts and, as TxStopPoint is
    Authorized, ends the transaction with one RemoteStop event. The station answers only after it
    read the transactionId; the OCTT answered Accepted before it compared it.

    Given the charging station is configured with TxCtrlr.TxStopPoint = Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a RequestStopTransactionRequest with
      | field         | value           |
      | transactionId | <transactionId> |
    Then the CSMS sends a RequestStopTransactionRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station stops the transaction as the CSMS requested
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason |
      | Ended     | RemoteStop    | 3     | <transactionId>               | Remote                        |

  @TC_E_22_CSMS @E06 @E06.FR.07
  Scenario: TC_E_22_CSMS Stop transaction options - EnergyTransfer stopped - SuspendedEV
    With TxStopPoint EnergyTransfer the transaction ends when the EV stops taking energy.

    Given the charging station is configured with TxCtrlr.TxStopPoint = EnergyTransfer
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the EV suspends charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Ended     | ChargingStateChanged | 3     | <transactionId>               | SuspendedEV                   | StoppedByEV                   |

  @TC_E_26_CSMS @E10 @E10.FR.01
  Scenario: TC_E_26_CSMS Disconnect cable on EV-side - Suspend transaction
    With TxCtrlr.StopTxOnEVSideDisconnect false, pulling the cable at the EV side only suspends the
    transaction; it resumes when the cable is plugged in again. The station reports the connector
    Available before the Updated event (the older code sent them the other way round) and Occupied
    again when the cable is back (the older code did not).

    Given the charging station is configured with TxCtrlr.StopTxOnEVSideDisconnect = false
    And the charging station is in state EnergyTransferSuspended
    When the cable is unplugged at the EV side
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Updated   | EVCommunicationLost | 4     | <transactionId>               | Idle                          | absent                        |
    And the charging station sent a StatusNotificationRequest with
      | field           | expectation |
      | connectorStatus | Available   |
    When the EV is plugged into the configured connector
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | CablePluggedIn | 5     | <transactionId>               | EVConnected                   |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 6     | <transactionId>               | Charging                      |

  @TC_E_29_CSMS @E14 @E14.FR.02 @E14.FR.04
  Scenario: TC_E_29_CSMS Check Transaction status - Transaction with id ongoing - with message in queue
    The station loses its connection and keeps charging for the configured transaction duration,
    queueing a meter value every SAMPLED_METER_VALUES_INTERVAL (its TxUpdatedInterval) with
    offline true and the time it was taken. After reconnecting it holds its queue until it has
    answered the CSMS's GetTransactionStatusRequest, as the OCTT does, then delivers it in order.
    The queued events continue the transaction's numbering (the older code restarted seqNo at 1
    after reconnecting and stamped them with the send time).

    Given the charging station is in state EnergyTransferStarted
    When the charging station disconnects from the CSMS
    And the EV charges for the configured transaction duration with periodic meter values
    Then every TransactionEventRequest of that step has
      | field                         | expectation        |
      | eventType                     | Updated            |
      | triggerReason                 | MeterValuePeriodic |
      | offline                       | true               |
      | transactionInfo.transactionId | <transactionId>    |
    When the charging station reconnects to the CSMS
    Then the charging station sent no BootNotificationRequest
    When the CSMS is asked to send a GetTransactionStatusRequest with
      | field         | value           |
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
    And the charging station answered with
      | field            | expectation |
      | ongoingIndicator | true        |
      | messagesInQueue  | true        |
    When the charging station delivers its queued transaction events
    Then every TransactionEventRequest of that step has
      | field                                 | expectation        |
      | triggerReason                         | MeterValuePeriodic |
      | offline                               | true               |
      | transactionInfo.transactionId         | <transactionId>    |
      | meterValue[0].sampledValue[0].context | Sample.Periodic    |
    And those TransactionEventRequests are numbered on from seqNo 3

  @TC_E_30_CSMS @E14 @E14.FR.02 @E14.FR.05
  Scenario: TC_E_30_CSMS Check Transaction status - Transaction with id ongoing - without message in queue
    The station is connected and has delivered every event, so nothing is queued. It answers from
    what it knows of the transaction when the request comes (the OCTT fixed its answer in advance).

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a GetTransactionStatusRequest with
      | field         | value           |
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
    And the charging station answered with
      | field            | expectation |
      | ongoingIndicator | true        |
      | messagesInQueue  | false       |

  @TC_E_31_CSMS @E14 @E14.FR.03 @E14.FR.04
  Scenario: TC_E_31_CSMS Check Transaction status - Transaction with id ended - with message in queue
    While the station is offline the driver stops, the energy transfer stops and the EV is
    unplugged, which ends the transaction; the three events are queued with offline true. After
    reconnecting the station reports the connector Available (its status changed meanwhile) and,
    as the OCTT does, delivers the Ended event first, ahead of the two earlier queued events: the
    CSMS must accept events that arrive out of seqNo order (E14, and a station may deliver its
    queue in any order after a connection loss). The CSMS then asks for the transaction's status:
    not ongoing, messages still queued. The two earlier events follow, after the Ended one. The
    OCTT also skips two seqNo values; this station numbers its events without a gap (E01: seqNo
    counts every event of the transaction), so what is out of order is the delivery, as the test
    case means.

    Given the charging station is in state EnergyTransferStarted
    When the charging station disconnects from the CSMS
    And the EV has charged for the configured transaction duration
    And the driver presents the configured valid idToken to stop the transaction
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | offline | idToken.idToken              |
      | Updated   | StopAuthorized | 3     | true    | the configured valid idToken |
    When the charging station stops the energy transfer
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | offline | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 4     | true    | EVConnected                   |
    When the EV is unplugged from the configured connector
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | offline | transactionInfo.chargingState | transactionInfo.stoppedReason |
      | Ended     | EVCommunicationLost | 5     | true    | Idle                          | EVDisconnected                |
    When the charging station reconnects to the CSMS
    Then the charging station sent no BootNotificationRequest
    And the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    When the charging station delivers its queued Ended event ahead of the others
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | seqNo | offline | transactionInfo.transactionId |
      | Ended     | EVCommunicationLost | 5     | true    | <transactionId>               |
    When the CSMS is asked to send a GetTransactionStatusRequest with
      | field         | value           |
      | transactionId | <transactionId> |
    Then the CSMS sends a GetTransactionStatusRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
    And the charging station answered with
      | field            | expectation |
      | ongoingIndicator | false       |
      | messagesInQueue  | true        |
    When the charging station delivers its queued transaction events
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | offline | transactionInfo.transactionId |
      | Updated   | StopAuthorized       | 3     | true    | <transactionId>               |
      | Updated   | ChargingStateChanged | 4     | true    | <transactionId>               |
    And the CSMS responds to the TransactionEventRequest with seqNo 3 with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |

  @TC_E_33_CSMS @E14 @E14.FR.06 @E14.FR.07
  Scenario: TC_E_33_CSMS Check Transaction status - Without transactionId - with message in queue
    As TC_E_29, but the CSMS asks without a transactionId, so the answer says only whether any
    message is queued (no ongoingIndicator).

    Given the charging station is in state EnergyTransferStarted
    When the charging station disconnects from the CSMS
    And the EV charges for the configured transaction duration with periodic meter values
    Then every TransactionEventRequest of that step has
      | field         | expectation        |
      | triggerReason | MeterValuePeriodic |
      | offline       | true               |
    When the charging station reconnects to the CSMS
    And the CSMS is asked to send a GetTransactionStatusRequest
    Then the CSMS sends a GetTransactionStatusRequest with
      | field         | expectation |
      | transactionId | absent      |
    And the charging station answered with
      | field            | expectation |
      | ongoingIndicator | absent      |
      | messagesInQueue  | true        |
    When the charging station delivers its queued transaction events
    Then every TransactionEventRequest of that step has
      | field                         | expectation        |
      | triggerReason                 | MeterValuePeriodic |
      | offline                       | true               |
      | transactionInfo.transactionId | <transactionId>    |
    And those TransactionEventRequests are numbered on from seqNo 3

  @TC_E_34_CSMS @E14 @E14.FR.06 @E14.FR.08
  Scenario: TC_E_34_CSMS Check Transaction status - Without transactionId - without message in queue
    No transaction has run and nothing is queued.

    When the CSMS is asked to send a GetTransactionStatusRequest
    Then the CSMS sends a GetTransactionStatusRequest with
      | field         | expectation |
      | transactionId | absent      |
    And the charging station answered with
      | field            | expectation |
      | ongoingIndicator | absent      |
      | messagesInQueue  | false       |

  @TC_E_38_CSMS @E03
  Scenario: TC_E_38_CSMS Local start transaction - EV not ready
    The transaction started at authorization; the EV is then plugged in but does not take energy
    (SuspendedEV), and the transaction stays open.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    And the charging station is in state Authorized
    When the EV is plugged into the configured connector
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.connectorId         |
      | Updated   | CablePluggedIn | 1     | <transactionId>               | EVConnected                   | the configured connector |
    And the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Occupied                 |
    When the EV suspends charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | SuspendedEV                   |

  @TC_E_39_CSMS @E03 @E06 @E03.FR.04 @E03.FR.05 @E06.FR.04
  Scenario: TC_E_39_CSMS Stop transaction options - Deauthorized - timeout
    The transaction started at authorization, but no EV is plugged in within the station's
    TxCtrlr.EVConnectionTimeOut (set to 1 s and waited for, scaled like the suite's other times;
    the older code did not wait at all): the authorization lapses and the transaction ends.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    And the charging station is configured with TxCtrlr.TxStopPoint = Authorized
    And the charging station is configured with TxCtrlr.EVConnectionTimeOut = 1
    And the charging station is in state Authorized
    When no EV is plugged in before the EV connection timeout expires
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason    | seqNo | transactionInfo.transactionId | transactionInfo.stoppedReason |
      | Ended     | EVConnectTimeout | 1     | <transactionId>               | Timeout                       |

  @TC_E_53_CSMS @E01 @E01.FR.07
  Scenario: TC_E_53_CSMS Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction
    Two transactions one after the other on the same EVSE with the same idToken: each has its own
    transactionId and numbers its events from seqNo 0, which the CSMS must accept both times.

    When the charging station enters state Authorized
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId |
      | Started   | Authorized    | 0     | <transactionId #1>            |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo |
      | Updated   | CablePluggedIn       | 1     |
      | Updated   | ChargingStateChanged | 2     |
    When the charging station enters state EVDisconnected
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.stoppedReason |
      | Updated   | StopAuthorized       | 3     | absent                        |
      | Updated   | ChargingStateChanged | 4     | absent                        |
      | Ended     | EVCommunicationLost  | 5     | EVDisconnected                |
    When the charging station enters state Authorized
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | transactionInfo.transactionId |
      | Started   | Authorized    | 0     | <transactionId #2>            |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId |
      | Updated   | CablePluggedIn       | 1     | not <transactionId #1>        |
      | Updated   | ChargingStateChanged | 2     | not <transactionId #1>        |
    When the charging station enters state EVDisconnected
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo |
      | Updated   | StopAuthorized       | 3     |
      | Updated   | ChargingStateChanged | 4     |
      | Ended     | EVCommunicationLost  | 5     |
