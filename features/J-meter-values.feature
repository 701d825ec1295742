@meterValues
Feature: J Meter Values
  The CSMS receives the readings of the station's meters: clock-aligned ones (J01) at the
  boundaries of AlignedDataCtrlr.Interval, counted from midnight, in MeterValuesRequests outside
  a transaction and in TransactionEvents during one; sampled ones (J02) of a transaction, at its
  start (TxStartedMeasurands), every TxUpdatedInterval while it runs and, collected every
  TxEndedInterval, in its Ended event. The station reads a meter model per EVSE (its energy
  register grows with the power the EV draws over the station clock's seconds); its device model
  decides what it reads and when, and the scenario's Givens set those variables.

  The station plays its part as a real one does. It connects as BASIC_AUTH_CP, boots and reports
  its connectors first, uses the configured EVSE and connector everywhere (the older suite put
  EVSE 1 in its StatusNotifications), and numbers every event of a transaction with its one
  transactionId and seqNo from 0. A sampled value carries its measurand and unit (the older suite
  sent the bare value, which reads as Energy.Active.Import.Register in Wh), and its value is the
  meter's, not a round number: the OCTT only checks that the CSMS answered, so the values the
  older suite chose (100, 200, ...) are not needed to judge the CSMS. Intervals are the configured
  ones (CLOCK_ALIGNED_METER_VALUES_INTERVAL, SAMPLED_METER_VALUES_INTERVAL,
  TX_ENDED_METER_VALUES_INTERVAL, TRANSACTION_DURATION), scaled by TIME_SCALE; every wait is a
  timer of the station clock. Before the CSMS is judged, the scenario shows the station did what
  its device model says (aligned timestamps, the make-up of an Ended event, valid signatures).

  What is checked of the CSMS: it answers every request with a schema-valid CALLRESULT (a
  MeterValuesResponse with extra properties fails, as in the OCTT), within OCPP_CALL_TIMEOUT, and
  an event carrying an idToken is answered with idTokenInfo.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_J_01_CSMS @J01 @J01.FR.18
  Scenario: TC_J_01_CSMS Clock-aligned Meter Values - No transaction ongoing
    With no transaction, the station sends at every clock-aligned boundary a MeterValuesRequest for
    its grid connection (evseId 0, the sum of its EVSE meters) and one for each EVSE, each reading
    timestamped with the boundary (the OCTT derived its ticks from "now"; the station keeps to the
    grid, as J01 asks). Its FiscalMetering monitor reports the main meter once per boundary, where
    the OCTT sent one NotifyEvent after each MeterValuesRequest.

    Given the charging station is configured with AlignedDataCtrlr.Interval = <CLOCK_ALIGNED_METER_VALUES_INTERVAL>
    And the charging station has a custom PeriodicClockAligned monitor on FiscalMetering.MeterValue
    When 3 clock-aligned intervals pass
    Then the charging station sent these MeterValuesRequests
      | evseId              | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand | meterValue[0].sampledValue[0].value | meterValue[0].timestamp |
      | 0                   | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
      | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
      | 0                   | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
      | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
      | 0                   | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
      | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           | a number                            | a date-time             |
    And the charging station sent these NotifyEventRequests
      | eventData[0].trigger | eventData[0].component.name | eventData[0].variable.name | eventData[0].actualValue     | eventData[0].eventNotificationType |
      | Periodic             | FiscalMetering              | MeterValue                 | matches /^[0-9]+([.][0-9]+)?$/ | CustomMonitor                      |
      | Periodic             | FiscalMetering              | MeterValue                 | matches /^[0-9]+([.][0-9]+)?$/ | CustomMonitor                      |
      | Periodic             | FiscalMetering              | MeterValue                 | matches /^[0-9]+([.][0-9]+)?$/ | CustomMonitor                      |
    And every reading of that step is timestamped on a clock-aligned boundary of AlignedDataCtrlr.Interval
    And the CSMS answered every request of that step

  @TC_J_02_CSMS @J01 @J01.FR.18
  Scenario: TC_J_02_CSMS Clock-aligned Meter Values - Transaction ongoing
    While a transaction runs on the configured EVSE, its clock-aligned reading goes in a
    TransactionEvent (triggerReason MeterValueClock); the grid connection, with no transaction of
    its own, still reports in a MeterValuesRequest. The events carry no chargingState, as it did
    not change (the OCTT repeated Charging). Three boundaries, as in TC_J_01, where the older code
    ran TRANSACTION_DURATION / interval rounds.

    Given the charging station is configured with AlignedDataCtrlr.Interval = <CLOCK_ALIGNED_METER_VALUES_INTERVAL>
    And the charging station has a custom PeriodicClockAligned monitor on FiscalMetering.MeterValue
    And the charging station is in state EnergyTransferStarted
    When 3 clock-aligned intervals pass
    Then the charging station sent these MeterValuesRequests
      | evseId | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | 0      | Sample.Clock                          | Energy.Active.Import.Register           |
      | 0      | Sample.Clock                          | Energy.Active.Import.Register           |
      | 0      | Sample.Clock                          | Energy.Active.Import.Register           |
    And the charging station sent these NotifyEventRequests
      | eventData[0].trigger | eventData[0].component.name | eventData[0].variable.name | eventData[0].eventNotificationType |
      | Periodic             | FiscalMetering              | MeterValue                 | CustomMonitor                      |
      | Periodic             | FiscalMetering              | MeterValue                 | CustomMonitor                      |
      | Periodic             | FiscalMetering              | MeterValue                 | CustomMonitor                      |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason   | transactionInfo.transactionId | evse.id             | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Updated   | MeterValueClock | <transactionId>               | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           |
      | Updated   | MeterValueClock | <transactionId>               | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           |
      | Updated   | MeterValueClock | <transactionId>               | the configured EVSE | Sample.Clock                          | Energy.Active.Import.Register           |
    And every reading of that step is timestamped on a clock-aligned boundary of AlignedDataCtrlr.Interval
    And the CSMS answered every request of that step

  @TC_J_03_CSMS @J01 @J01.FR.18
  Scenario: TC_J_03_CSMS Clock-aligned Meter Values - EventType Ended
    With AlignedDataCtrlr.TxEndedInterval set, the station reads the meter at every aligned boundary
    while the transaction runs and puts those readings, then its Transaction.End reading, in the
    Ended event. The EV's cable is pulled at the EV side while charging, which ends the transaction
    at once (StopTxOnEVSideDisconnect), as in the OCTT, which skipped StopAuthorized and
    EVConnectedPostSession. The readings fall on the aligned grid, as the OCTT text asks and its
    code did not.

    Given the charging station is configured with AlignedDataCtrlr.TxEndedInterval = <TX_ENDED_METER_VALUES_INTERVAL>
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the cable is unplugged at the EV side
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    And the charging station sent a NotifyEventRequest with
      | field                       | expectation       |
      | eventData[0].trigger        | Delta             |
      | eventData[0].actualValue    | Available         |
      | eventData[0].component.name | Connector         |
      | eventData[0].variable.name  | AvailabilityState |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason | evse.id             | evse.connectorId         | meterValue          |
      | Ended     | EVCommunicationLost | <transactionId>               | Idle                          | EVDisconnected                | the configured EVSE | the configured connector | at least 2 elements |
    And the meter values of the Ended event are its clock-aligned readings on the AlignedDataCtrlr.TxEndedInterval boundaries, then its Transaction.End reading
    And the CSMS answered every request of that step

  @TC_J_04_CSMS @J01 @J01.FR.21
  Scenario: TC_J_04_CSMS Clock-aligned Meter Values - Signed
    As TC_J_03, with AlignedDataCtrlr.SignReadings (and SampledDataCtrlr.SignReadings for the
    Transaction.End reading, so that, as in the OCTT, every sampled value is signed). What is
    signed: each sampled value of the Ended event carries a signedMeterValue, an OCMF document of
    that one reading signed by the EVSE meter's own ECDSA P-256 key, with its public key; the
    station checks the signatures verify. The OCTT sent fixed placeholder data that no CSMS could
    verify; J01.FR.21 asks the CSMS only to accept signed values, so it is checked for accepting
    them, not for verifying them.

    Given the charging station is configured with AlignedDataCtrlr.TxEndedInterval = <TX_ENDED_METER_VALUES_INTERVAL>
    And the charging station is configured with AlignedDataCtrlr.SignReadings = true
    And the charging station is configured with SampledDataCtrlr.SignReadings = true
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the cable is unplugged at the EV side
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.chargingState | transactionInfo.stoppedReason | meterValue          | meterValue[*].sampledValue[*].signedMeterValue.signingMethod | meterValue[*].sampledValue[*].signedMeterValue.encodingMethod | meterValue[*].sampledValue[*].signedMeterValue.publicKey | meterValue[*].sampledValue[*].signedMeterValue.signedMeterData |
      | Ended     | EVCommunicationLost | Idle                          | EVDisconnected                | at least 2 elements | ECDSA-secp256r1-SHA256                                       | OCMF                                                          | a non-empty string                                       | a non-empty string                                             |
    And the meter values of the Ended event are its clock-aligned readings on the AlignedDataCtrlr.TxEndedInterval boundaries, then its Transaction.End reading
    And every sampled value of the Ended event is signed by the meter of the configured EVSE
    And the CSMS answered every request of that step

  @TC_J_07_CSMS @J02 @J02.FR.19
  Scenario: TC_J_07_CSMS Sampled Meter Values - EventType Started - EVSE known
    The transaction starts at plug-in (TxStartPoint EVConnected), before anyone is authorized;
    the Started event carries the SampledDataCtrlr.TxStartedMeasurands reading (Transaction.Begin).

    Given the charging station is configured with TxCtrlr.TxStartPoint = EVConnected
    When the charging station enters state EVConnectedPreSession
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Occupied                 |
    And the charging station sent a NotifyEventRequest with
      | field                       | expectation       |
      | eventData[0].trigger        | Delta             |
      | eventData[0].actualValue    | Occupied          |
      | eventData[0].component.name | Connector         |
      | eventData[0].variable.name  | AvailabilityState |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | transactionInfo.chargingState | evse.id             | evse.connectorId         | idToken | meterValue[0].timestamp | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand | meterValue[0].sampledValue[0].value |
      | Started   | CablePluggedIn | EVConnected                   | the configured EVSE | the configured connector | absent  | a date-time             | Transaction.Begin                     | Energy.Active.Import.Register           | a number                            |
    And the CSMS answered every request of that step

  @TC_J_08_CSMS @J02 @J02.FR.19
  Scenario: TC_J_08_CSMS Sampled Meter Values - Context Transaction.Begin - EVSE not known
    The station's card reader serves all its EVSEs, so when the driver authorizes before plugging
    in, which starts the transaction (TxStartPoint Authorized), the station does not know its EVSE
    yet: the Started event names none (the older code sent evse.id there, against the title), and
    the Transaction.Begin reading goes in the CablePluggedIn event, the first that names the EVSE.

    Given the charging station is configured with TxCtrlr.TxStartPoint = Authorized
    And the charging station has one card reader for all its EVSEs
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | idToken.idToken              | idToken.type                      | evse   | meterValue |
      | Started   | Authorized    | the configured valid idToken | the configured valid idToken type | absent | absent     |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV is plugged into the configured connector
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Occupied                 |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         | meterValue[0].timestamp | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Updated   | CablePluggedIn | <transactionId>               | EVConnected                   | the configured EVSE | the configured connector | a date-time             | Transaction.Begin                     | Energy.Active.Import.Register           |
    And the CSMS answered every request of that step
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | <transactionId>               | Charging                      |
    And the CSMS answered every request of that step

  @TC_J_09_CSMS @J02 @J02.FR.19
  Scenario: TC_J_09_CSMS Sampled Meter Values - EventType Updated
    Every SampledDataCtrlr.TxUpdatedInterval of the running transaction the station sends its
    TxUpdatedMeasurands reading (Sample.Periodic) in an Updated event; the register grows as the EV
    charges.

    Given the charging station is configured with SampledDataCtrlr.TxUpdatedInterval = <SAMPLED_METER_VALUES_INTERVAL>
    And the charging station is in state EnergyTransferStarted
    When the EV charges for 3 sampled intervals
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason      | transactionInfo.transactionId | evse.id             | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand | meterValue[0].sampledValue[0].unitOfMeasure.unit |
      | Updated   | MeterValuePeriodic | <transactionId>               | the configured EVSE | Sample.Periodic                       | Energy.Active.Import.Register           | Wh                                               |
      | Updated   | MeterValuePeriodic | <transactionId>               | the configured EVSE | Sample.Periodic                       | Energy.Active.Import.Register           | Wh                                               |
      | Updated   | MeterValuePeriodic | <transactionId>               | the configured EVSE | Sample.Periodic                       | Energy.Active.Import.Register           | Wh                                               |
    And the energy register grows from one reading of that step to the next
    And the CSMS answered every request of that step

  @TC_J_10_CSMS @J02 @J02.FR.19
  Scenario: TC_J_10_CSMS Sampled Meter Values - EventType Ended
    With SampledDataCtrlr.TxEndedInterval set, the station reads the meter every interval since the
    transaction started and puts those readings (Sample.Periodic), then its Transaction.End
    reading, in the Ended event. As in TC_J_03 the cable is pulled at the EV side while charging.

    Given the charging station is configured with SampledDataCtrlr.TxEndedInterval = <TX_ENDED_METER_VALUES_INTERVAL>
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the cable is unplugged at the EV side
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
      | connectorStatus | Available                |
    And the charging station sent a NotifyEventRequest with
      | field                       | expectation       |
      | eventData[0].trigger        | Delta             |
      | eventData[0].actualValue    | Available         |
      | eventData[0].component.name | Connector         |
      | eventData[0].variable.name  | AvailabilityState |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason | evse.id             | meterValue          |
      | Ended     | EVCommunicationLost | <transactionId>               | Idle                          | EVDisconnected                | the configured EVSE | at least 2 elements |
    And the meter values of the Ended event are its periodic readings every SampledDataCtrlr.TxEndedInterval, then its Transaction.End reading
    And the CSMS answered every request of that step

  @TC_J_11_CSMS @J02 @J02.FR.21
  Scenario: TC_J_11_CSMS Sampled Meter Values - Signed
    As TC_J_10, with SampledDataCtrlr.SignReadings. What is signed: each sampled value of the Ended
    event (the periodic ones and the Transaction.End one) carries a signedMeterValue, an OCMF
    document of that reading signed by the EVSE meter's own ECDSA P-256 key, with its public key;
    the station checks the signatures verify. The OCTT sent fixed placeholder data; J02.FR.21 asks
    the CSMS only to accept signed values, so it is checked for accepting them, not for verifying
    them.

    Given the charging station is configured with SampledDataCtrlr.TxEndedInterval = <TX_ENDED_METER_VALUES_INTERVAL>
    And the charging station is configured with SampledDataCtrlr.SignReadings = true
    And the charging station is in state EnergyTransferStarted
    And the EV has charged for the configured transaction duration
    When the cable is unplugged at the EV side
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.chargingState | transactionInfo.stoppedReason | meterValue          | meterValue[*].sampledValue[*].signedMeterValue.signingMethod | meterValue[*].sampledValue[*].signedMeterValue.encodingMethod | meterValue[*].sampledValue[*].signedMeterValue.publicKey | meterValue[*].sampledValue[*].signedMeterValue.signedMeterData |
      | Ended     | EVCommunicationLost | Idle                          | EVDisconnected                | at least 2 elements | ECDSA-secp256r1-SHA256                                       | OCMF                                                          | a non-empty string                                       | a non-empty string                                             |
    And the meter values of the Ended event are its periodic readings every SampledDataCtrlr.TxEndedInterval, then its Transaction.End reading
    And every sampled value of the Ended event is signed by the meter of the configured EVSE
    And the CSMS answered every request of that step
