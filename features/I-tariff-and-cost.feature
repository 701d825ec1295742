@tariffAndCost
Feature: I Tariff and Cost
  The CSMS tells the driver what charging costs: the running cost while the transaction runs
  (I02, CostUpdatedRequest) and the final cost in the response to the Ended event (I03). It
  computes the cost from its tariff and the energy the station reported in its meter values; the
  scenario first has the operator set that tariff to the configured price (COST_PER_KWH per kWh),
  which is what the catalog's prerequisite "CSMS is configured with a tariff based on energy
  consumed" asks.

  The station plays its part as a real one does. It connects as BASIC_AUTH_CP, boots and reports
  its connectors first (the older suite skipped the BootNotification in TC_I_02), and uses the
  configured EVSE and connector everywhere. Its transaction starts where its TxCtrlr settings say
  (plug-in or authorization, the defaults), so the first event of it is a Started event (the older
  suite opened it with an Updated one) and seqNo counts from 0; a driver who stops presents the
  idToken again (E07). Its meter values are those of its EVSE meter (the energy register grows
  with the power the EV draws), not fixed numbers: the value of the cost is the CSMS's and is not
  checked, only that it is a number, as in the OCTT.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_I_01_CSMS @optional @I02 @I02.FR.01
  Scenario: TC_I_01_CSMS Show EV Driver running total cost during charging - costUpdatedRequest
    I02.FR.01 lets a CSMS send the running cost in a CostUpdatedRequest or in the
    TransactionEventResponse; this test case, by its title, is the CostUpdatedRequest one, so a
    CostUpdatedRequest naming the transaction must follow each periodic meter value within
    CSMS_ACTION_TIMEOUT (the older code also passed on totalCost in the response). The station
    shows the cost it receives. The periodic values come every SampledDataCtrlr.TxUpdatedInterval
    (SAMPLED_METER_VALUES_INTERVAL), two of them, as in the OCTT.

    Given the CSMS operator applies the setting ConfigureTariff with
      | field       | value          |
      | pricePerKwh | <COST_PER_KWH> |
    And the charging station is configured with SampledDataCtrlr.TxUpdatedInterval = <SAMPLED_METER_VALUES_INTERVAL>
    When the driver presents the configured valid idToken
    Then the CSMS responds to the AuthorizeRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    And the charging station sent these TransactionEventRequests
      | eventType | triggerReason | seqNo | idToken.idToken              | idToken.type                      | evse.id             |
      | Started   | Authorized    | 0     | the configured valid idToken | the configured valid idToken type | the configured EVSE |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the EV is plugged into the configured connector
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
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | evse.connectorId         |
      | Updated   | CablePluggedIn | 1     | <transactionId>               | EVConnected                   | the configured connector |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 2     | <transactionId>               | Charging                      |
    When the EV charges for 1 sampled interval
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason      | seqNo | transactionInfo.transactionId | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Updated   | MeterValuePeriodic | 3     | <transactionId>               | Sample.Periodic                       | Energy.Active.Import.Register           |
    And the CSMS sends a CostUpdatedRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
      | totalCost     | a number        |
    And the charging station shows the driver the total cost of that CostUpdatedRequest
    When the EV charges for 1 sampled interval
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason      | seqNo | transactionInfo.transactionId | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Updated   | MeterValuePeriodic | 4     | <transactionId>               | Sample.Periodic                       | Energy.Active.Import.Register           |
    And the CSMS sends a CostUpdatedRequest with
      | field         | expectation     |
      | transactionId | <transactionId> |
      | totalCost     | a number        |
    And the charging station shows the driver the total cost of that CostUpdatedRequest

  @TC_I_02_CSMS @optional @I03 @I03.FR.02
  Scenario: TC_I_02_CSMS Show EV Driver Final Total Cost After Charging
    The EV is plugged in first, which starts the transaction with its Transaction.Begin reading;
    the driver authorizes, the EV charges for TRANSACTION_DURATION, the driver stops, energy stops
    and the EV is unplugged, which ends the transaction with its Transaction.End reading. The
    response to the Ended event must carry totalCost (I03.FR.02); its value is not checked.

    Given the CSMS operator applies the setting ConfigureTariff with
      | field       | value          |
      | pricePerKwh | <COST_PER_KWH> |
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
    When the EV has charged for the configured transaction duration
    And the driver presents the configured valid idToken to stop the transaction
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason  | seqNo | transactionInfo.transactionId | idToken.idToken              |
      | Updated   | StopAuthorized | 3     | <transactionId>               | the configured valid idToken |
    And the CSMS responds to the TransactionEventRequest with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
    When the charging station stops the energy transfer
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | seqNo | transactionInfo.transactionId | transactionInfo.chargingState |
      | Updated   | ChargingStateChanged | 4     | <transactionId>               | EVConnected                   |
    When the EV is unplugged from the configured connector
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
      | eventType | triggerReason       | seqNo | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason | meterValue[0].sampledValue[0].context | meterValue[0].sampledValue[0].measurand |
      | Ended     | EVCommunicationLost | 5     | <transactionId>               | Idle                          | EVDisconnected                | Transaction.End                       | Energy.Active.Import.Register           |
    And the CSMS responds to the TransactionEventRequest with
      | field     | expectation |
      | totalCost | a number    |
