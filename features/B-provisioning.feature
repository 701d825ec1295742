@provisioning
Feature: B Provisioning
  The CSMS registers charging stations, reads and changes their configuration, requests reports
  of their device model, resets them and gives them new network connection profiles.

  The suite plays a real charging station: it boots before it sends anything else, reports each
  of its connectors once the CSMS accepted it, uses the configured EVSE and connector, answers
  every CSMS request from its own device model, and boots again with the reason a reset gives it.
  What the CSMS must be set up for first (answer Pending, know a station's limits) the scenario
  asks of the CSMS operator, as a user of that CSMS would.

  Rule: The registration itself is tested, so the station starts unregistered

    @TC_B_01_CSMS @B01 @B01.FR.02
    Scenario: TC_B_01_CSMS Cold Boot Charging Station - Accepted
      The OCTT's step 3, "notify the state of all connectors", is one StatusNotificationRequest and
      one NotifyEventRequest per connector of the station; the CSMS must answer each of them.

      Given the charging station is connected to the CSMS
      When the charging station boots with reason PowerUp
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports all its connectors Available

    @TC_B_02_CSMS @B02 @B02.FR.01 @B02.FR.06
    Scenario: TC_B_02_CSMS Cold Boot Charging Station - Pending
      The operator sets the CSMS to answer the first BootNotificationRequest Pending with a retry
      interval of 1 s and the later ones Accepted. The station waits the interval the Pending answer
      gave (its minimum wait) before it boots again over the same connection. An interval of 0 sets
      no minimum; the station then waits 10 s of its own rather than flood the CSMS (the older
      suite's choice; the OCTT text names a heartbeat interval, which a Pending station has not been
      given). B02.FR.06 is checked: the CSMS keeps the connection open while the station is Pending.
      Requests the CSMS may send while the station is Pending (B02.FR.01) are answered from the
      station's device model; the OCTT does not require any.

      Given the CSMS is configured to answer BootNotificationRequests with
        | field             | value    |
        | status            | Pending  |
        | interval          | 1        |
        | afterwards.status | Accepted |
      And the charging station is connected to the CSMS
      When the charging station boots with reason PowerUp
      Then the CSMS responds with
        | field  | expectation |
        | status | Pending     |
      When the charging station waits the retry interval of the BootNotificationResponse
      Then the CSMS has kept the connection open
      When the charging station boots with reason PowerUp
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports all its connectors Available

    @TC_B_30_CSMS @B02 @B03 @B02.FR.09 @B03.FR.07
    Scenario: TC_B_30_CSMS Cold Boot Charging Station - Pending/Rejected - SecurityError
      The OCTT accepts a Pending or a Rejected answer; the operator is asked for Pending, the state
      B02.FR.09 is about (the reference CSMS treats Rejected the same way, B03.FR.07). Both CALLs the
      station sends before it is accepted must be answered with a CALLERROR SecurityError: the older
      suite let one normal answer pass, the requirements do not.

      Given the CSMS is configured to answer BootNotificationRequests with
        | field  | value   |
        | status | Pending |
      And the charging station is connected to the CSMS
      When the charging station boots with reason PowerUp
      Then the CSMS responds with
        | field  | expectation         |
        | status | Pending or Rejected |
      When the charging station sends a StatusNotificationRequest before the CSMS accepted it, with
        | field           | value                    |
        | evseId          | the configured EVSE      |
        | connectorId     | the configured connector |
        | connectorStatus | Available                |
      Then the CSMS answers it with a CALLERROR with
        | field     | expectation   |
        | errorCode | SecurityError |
      When the charging station sends a NotifyEventRequest before the CSMS accepted it, with
        | field                                   | value                    |
        | eventData[0].trigger                    | Delta                    |
        | eventData[0].actualValue                | Available                |
        | eventData[0].eventNotificationType      | HardWiredNotification    |
        | eventData[0].component.name             | Connector                |
        | eventData[0].component.evse.id          | the configured EVSE      |
        | eventData[0].component.evse.connectorId | the configured connector |
        | eventData[0].variable.name              | AvailabilityState        |
      Then the CSMS answers it with a CALLERROR with
        | field     | expectation   |
        | errorCode | SecurityError |

    @TC_B_31_CSMS @B02 @F06
    Scenario: TC_B_31_CSMS Cold Boot Charging Station - Pending/Rejected - TriggerMessage
      The operator is asked for Pending (the OCTT accepts Rejected too) and, once the CSMS has
      triggered the boot, Accepted. The TriggerMessageRequest must arrive before the retry interval
      of the Pending answer has passed, as the OCTT intends (the older suite only waited
      CSMS_ACTION_TIMEOUT); the wait itself never exceeds CSMS_ACTION_TIMEOUT.

      Given the CSMS is configured to answer BootNotificationRequests with
        | field             | value    |
        | status            | Pending  |
        | afterwards.status | Accepted |
      And the charging station is connected to the CSMS
      When the charging station boots with reason PowerUp
      Then the CSMS responds with
        | field  | expectation         |
        | status | Pending or Rejected |
      When the CSMS is asked to send a TriggerMessageRequest with
        | field            | value            |
        | requestedMessage | BootNotification |
      Then the CSMS sends a TriggerMessageRequest before the interval of its BootNotificationResponse has passed, with
        | field            | expectation      |
        | requestedMessage | BootNotification |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station boots with reason Triggered
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports all its connectors Available

    @TC_B_58_CSMS @Part4 @Part4.3.1.2
    Scenario: TC_B_58_CSMS WebSocket Subprotocol validation
      The OCTT expects the upgrade refused; Part 4, 3.1.2 has a CSMS that agrees to none of the
      offered subprotocols complete the handshake without a Sec-WebSocket-Protocol header and close
      the connection at once. Either passes step 2 (the older suite failed every upgrade without a
      subprotocol, even one closed at once). An upgrade that selects a protocol anyway, or that
      stays open, fails. As in the OCTT, the two connections carry no OCPP message.

      When the charging station opens a WebSocket connection offering the subprotocol "ocpp0.1"
      Then the CSMS declines the offered subprotocol
      When the charging station opens a WebSocket connection offering the subprotocols "ocpp0.1, ocpp2.0.1"
      Then the CSMS upgrades the connection with
        | field                  | expectation |
        | status                 | 101         |
        | Sec-WebSocket-Protocol | ocpp2.0.1   |

  Rule: A registered station: it booted and reported its connectors Available

    Background:
      Given the charging station is booted and all its connectors are Available

    @TC_B_06_CSMS @B06 @B06.FR.01 @B06.FR.02 @B06.FR.03 @B06.FR.04 @B06.FR.10 @B06.FR.11
    Scenario: TC_B_06_CSMS Get Variables - single value
      Every getVariableData element is checked, not only the first: the CSMS was asked for one
      variable and may read nothing else. attributeType may be absent or any attribute type. That
      the CSMS shows the value it read (60) is for the person running the test to see; the suite
      cannot observe a CSMS's user interface.

      When the CSMS is asked to read these variables from the station
        | component     | variable         |
        | OCPPCommCtrlr | OfflineThreshold |
      Then the CSMS sends a GetVariablesRequest with
        | field                             | expectation                                     |
        | getVariableData[*].component.name | OCPPCommCtrlr                                   |
        | getVariableData[*].variable.name  | OfflineThreshold                                |
        | getVariableData[*].attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
      And the charging station answered with
        | field                                | expectation      |
        | getVariableResult[*].attributeStatus | Accepted         |
        | getVariableResult[*].attributeValue  | "60"             |
        | getVariableResult[*].component.name  | OCPPCommCtrlr    |
        | getVariableResult[*].variable.name   | OfflineThreshold |

    @TC_B_07_CSMS @B06 @B06.FR.01 @B06.FR.02 @B06.FR.03
    Scenario: TC_B_07_CSMS Get Variables - multiple values
      Both variables must be read in the same GetVariablesRequest, in any order, and nothing else
      (exactly the two elements the catalog names), each with an attributeType that is absent or an
      attribute type (the older suite did not check it). That the
      CSMS shows both values is for the person running the test to see.

      When the CSMS is asked to read these variables from the station
        | component     | variable             |
        | OCPPCommCtrlr | OfflineThreshold     |
        | AuthCtrlr     | AuthorizeRemoteStart |
      Then the CSMS sends a GetVariablesRequest with
        | field           | expectation |
        | getVariableData | 2 elements  |
      And its getVariableData has an element with
        | field          | expectation                                     |
        | component.name | OCPPCommCtrlr                                   |
        | variable.name  | OfflineThreshold                                |
        | attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
      And its getVariableData has an element with
        | field          | expectation                                     |
        | component.name | AuthCtrlr                                       |
        | variable.name  | AuthorizeRemoteStart                            |
        | attributeType  | absent or one of Actual, Target, MinSet, MaxSet |
      And the charging station answered with
        | field                                | expectation |
        | getVariableResult[*].attributeStatus | Accepted    |

    @TC_B_08_CSMS @B06 @B06.FR.05
    Scenario: TC_B_08_CSMS Get Variables - limit to maximum number of values
      The station never reports its limit in this test, so the CSMS must know it beforehand. A CSMS
      operator enters it, as from the station's documentation or an earlier inventory: the scenario
      asks the operator to record DeviceDataCtrlr.ItemsPerMessage[GetVariables] = 4 for the station
      (the reference CSMS also learns it from a NotifyReport). Five variables then take exactly two
      requests of 4 and 1 elements, in either order, together asking for exactly the five.

      Given the charging station's ItemsPerMessage for GetVariables is 4
      And the CSMS knows the station's ItemsPerMessage for GetVariables is 4
      When the CSMS is asked to read these variables from the station
        | component       | variable             | instance     |
        | DeviceDataCtrlr | ItemsPerMessage      | GetReport    |
        | DeviceDataCtrlr | ItemsPerMessage      | GetVariables |
        | DeviceDataCtrlr | BytesPerMessage      | GetReport    |
        | DeviceDataCtrlr | BytesPerMessage      | GetVariables |
        | AuthCtrlr       | AuthorizeRemoteStart |              |
      Then the CSMS sends GetVariablesRequests of 4 and 1 getVariableData elements, in either order
      And together their getVariableData elements are exactly
        | component.name  | variable.name        | variable.instance |
        | DeviceDataCtrlr | ItemsPerMessage      | GetReport         |
        | DeviceDataCtrlr | ItemsPerMessage      | GetVariables      |
        | DeviceDataCtrlr | BytesPerMessage      | GetReport         |
        | DeviceDataCtrlr | BytesPerMessage      | GetVariables      |
        | AuthCtrlr       | AuthorizeRemoteStart | absent            |
      And the charging station answered each of them with
        | field                                | expectation |
        | getVariableResult[*].attributeStatus | Accepted    |
      And no GetVariablesRequest had more than 4 getVariableData elements

    @TC_B_09_CSMS @B05 @B05.FR.01 @B05.FR.02 @B05.FR.03 @B05.FR.10 @B05.FR.12
    Scenario: TC_B_09_CSMS Set Variables - single value
      Every setVariableData element is checked, not only the first. That the CSMS shows the variable
      was set is for the person running the test to see.

      When the CSMS is asked to set these variables on the station
        | component     | variable         | value |
        | OCPPCommCtrlr | OfflineThreshold | "123" |
      Then the CSMS sends a SetVariablesRequest with
        | field                             | expectation      |
        | setVariableData[*].component.name | OCPPCommCtrlr    |
        | setVariableData[*].variable.name  | OfflineThreshold |
        | setVariableData[*].attributeValue | "123"            |
        | setVariableData[*].attributeType  | absent or Actual |
      And the charging station answered with
        | field                                | expectation |
        | setVariableResult[*].attributeStatus | Accepted    |

    @TC_B_10_CSMS @B05 @B05.FR.01 @B05.FR.02 @B05.FR.03
    Scenario: TC_B_10_CSMS Set Variables - multiple values
      Both variables must be set in the same SetVariablesRequest, in any order. That the CSMS shows
      both were set is for the person running the test to see.

      When the CSMS is asked to set these variables on the station
        | component     | variable             | value   |
        | OCPPCommCtrlr | OfflineThreshold     | "123"   |
        | AuthCtrlr     | AuthorizeRemoteStart | "false" |
      Then the CSMS sends a SetVariablesRequest
      And its setVariableData has an element with
        | field          | expectation      |
        | component.name | OCPPCommCtrlr    |
        | variable.name  | OfflineThreshold |
        | attributeValue | "123"            |
        | attributeType  | absent or Actual |
      And its setVariableData has an element with
        | field          | expectation          |
        | component.name | AuthCtrlr            |
        | variable.name  | AuthorizeRemoteStart |
        | attributeValue | "false"              |
        | attributeType  | absent or Actual     |
      And the charging station answered with
        | field                                | expectation |
        | setVariableResult[*].attributeStatus | Accepted    |

    @TC_B_12_CSMS @B07 @B07.FR.07
    Scenario: TC_B_12_CSMS Get Base Report - ConfigurationInventory
      The station reports its real configuration inventory (every variable the CSMS may set), in as
      many NotifyReportRequests as it takes, instead of the older suite's single entry; the CSMS
      must answer each. That it can show the inventory is for the person running the test to see.

      When the CSMS is asked to send a GetBaseReportRequest with
        | field      | value                  |
        | reportBase | ConfigurationInventory |
      Then the CSMS sends a GetBaseReportRequest with
        | field      | expectation            |
        | requestId  | an integer >= 0        |
        | reportBase | ConfigurationInventory |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the requested report in NotifyReportRequests

    @TC_B_13_CSMS @B07 @B07.FR.08
    Scenario: TC_B_13_CSMS Get Base Report - FullInventory
      The station reports its whole device model, in as many NotifyReportRequests as it takes; the
      CSMS must answer each. That it can show the inventory is for the person running the test to see.

      When the CSMS is asked to send a GetBaseReportRequest with
        | field      | value         |
        | reportBase | FullInventory |
      Then the CSMS sends a GetBaseReportRequest with
        | field      | expectation     |
        | requestId  | an integer >= 0 |
        | reportBase | FullInventory   |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the requested report in NotifyReportRequests

    @TC_B_14_CSMS @optional @B07 @B07.FR.09
    Scenario: TC_B_14_CSMS Get Base Report - SummaryInventory
      Optional in the OCTT (for a CSMS that supports SummaryInventory). The station reports the
      availability of itself, its EVSEs and connectors, as B07.FR.09 describes, instead of the older
      suite's OfflineThreshold entry.

      When the CSMS is asked to send a GetBaseReportRequest with
        | field      | value            |
        | reportBase | SummaryInventory |
      Then the CSMS sends a GetBaseReportRequest with
        | field      | expectation      |
        | requestId  | an integer >= 0  |
        | reportBase | SummaryInventory |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the requested report in NotifyReportRequests

    @TC_B_18_CSMS @B08 @B08.FR.01 @B08.FR.03
    Scenario: TC_B_18_CSMS Get Custom Report - with componentCriteria and component/variables
      The EVSE is the configured one (the OCTT's "EVSE #1" is its default). componentCriteria must be
      exactly the one criterion asked for, as the OCTT states (the older suite only looked for it
      among others), and every componentVariable element must be the EVSE's AvailabilityState. No
      EVSE of the station reports a Problem, so the first request has an empty result.

      When the CSMS is asked to send a GetReportRequest with
        | field                                  | value               |
        | componentCriteria[0]                   | Problem             |
        | componentVariable[0].component.name    | EVSE                |
        | componentVariable[0].component.evse.id | the configured EVSE |
        | componentVariable[0].variable.name     | AvailabilityState   |
      Then the CSMS sends a GetReportRequest with
        | field                                  | expectation         |
        | componentCriteria                      | ["Problem"]         |
        | componentVariable[*].component.name    | EVSE                |
        | componentVariable[*].component.evse.id | the configured EVSE |
        | componentVariable[*].variable.name     | AvailabilityState   |
      And the charging station answered with
        | field  | expectation    |
        | status | EmptyResultSet |
      When the CSMS is asked to send a GetReportRequest with
        | field                                  | value               |
        | componentCriteria[0]                   | Available           |
        | componentVariable[0].component.name    | EVSE                |
        | componentVariable[0].component.evse.id | the configured EVSE |
        | componentVariable[0].variable.name     | AvailabilityState   |
      Then the CSMS sends a GetReportRequest with
        | field                                  | expectation         |
        | componentCriteria                      | ["Available"]       |
        | componentVariable[*].component.name    | EVSE                |
        | componentVariable[*].component.evse.id | the configured EVSE |
        | componentVariable[*].variable.name     | AvailabilityState   |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the requested report in NotifyReportRequests

    @TC_B_20_CSMS @B11 @B11.FR.04
    Scenario: TC_B_20_CSMS Reset Charging Station - Without ongoing transaction - OnIdle
      The type OnIdle is checked (the OCTT implies it by its title). After the reset the station
      boots with reason RemoteReset, the reason the specification gives for a reset the CSMS asked
      for (the older suite sent PowerUp).

      When the CSMS is asked to send a ResetRequest with
        | field | value  |
        | type  | OnIdle |
      Then the CSMS sends a ResetRequest with
        | field  | expectation |
        | type   | OnIdle      |
        | evseId | absent      |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reboots with reason RemoteReset
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports all its connectors Available

    @TC_B_21_CSMS @B12 @B12.FR.01 @B12.FR.03 @E07.FR.03
    Scenario: TC_B_21_CSMS Reset Charging Station - With Ongoing Transaction - OnIdle
      The transaction runs as a real one does (the reusable state EnergyTransferStarted), so its
      events carry one transactionId and seqNo counts on from there. The station schedules the
      reset, the driver stops and unplugs, and only then the station reboots, with reason
      ScheduledReset.

      Given the charging station is in state EnergyTransferStarted
      When the CSMS is asked to send a ResetRequest with
        | field | value  |
        | type  | OnIdle |
      Then the CSMS sends a ResetRequest with
        | field  | expectation |
        | type   | OnIdle      |
        | evseId | absent      |
      And the charging station answered with
        | field  | expectation |
        | status | Scheduled   |
      When the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value                             |
        | eventType                     | Updated                           |
        | triggerReason                 | StopAuthorized                    |
        | transactionInfo.chargingState | EVConnected                       |
        | idToken.idToken               | the configured valid idToken      |
        | idToken.type                  | the configured valid idToken type |
      And the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value               |
        | eventType                     | Ended               |
        | triggerReason                 | EVCommunicationLost |
        | transactionInfo.chargingState | Idle                |
        | transactionInfo.stoppedReason | EVDisconnected      |
      And the charging station reboots with reason ScheduledReset
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports all its connectors Available

    @TC_B_22_CSMS @B12
    Scenario: TC_B_22_CSMS Reset Charging Station - With Ongoing Transaction - Immediate
      The station ends the running transaction (one transactionId, seqNo counting on), reboots with
      reason RemoteReset and, the cable still being plugged in, reports the configured connector
      Occupied.

      Given the charging station is in state EnergyTransferStarted
      When the CSMS is asked to send a ResetRequest with
        | field | value     |
        | type  | Immediate |
      Then the CSMS sends a ResetRequest with
        | field  | expectation |
        | type   | Immediate   |
        | evseId | absent      |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value          |
        | eventType                     | Ended          |
        | triggerReason                 | ResetCommand   |
        | transactionInfo.chargingState | EVConnected    |
        | transactionInfo.stoppedReason | ImmediateReset |
      And the charging station reboots with reason RemoteReset
      Then the CSMS responds with
        | field  | expectation |
        | status | Accepted    |
      When the charging station reports the configured connector Occupied and its other connectors Available

    @TC_B_25_CSMS @B11 @B11.FR.04
    Scenario: TC_B_25_CSMS Reset EVSE - Without ongoing transaction
      Only the EVSE resets; the station stays connected and sends nothing after its answer, as in the
      OCTT.

      When the CSMS is asked to send a ResetRequest with
        | field  | value               |
        | type   | OnIdle              |
        | evseId | the configured EVSE |
      Then the CSMS sends a ResetRequest with
        | field  | expectation         |
        | type   | OnIdle              |
        | evseId | the configured EVSE |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |

    @TC_B_26_CSMS @B12 @B12.FR.07
    Scenario: TC_B_26_CSMS Reset EVSE - With Ongoing Transaction - OnIdle
      The transaction runs as a real one does (one transactionId, seqNo counting on). The EVSE
      schedules its reset until the driver has stopped and unplugged; the station itself does not
      reboot.

      Given the charging station is in state EnergyTransferStarted
      When the CSMS is asked to send a ResetRequest with
        | field  | value               |
        | type   | OnIdle              |
        | evseId | the configured EVSE |
      Then the CSMS sends a ResetRequest with
        | field  | expectation         |
        | type   | OnIdle              |
        | evseId | the configured EVSE |
      And the charging station answered with
        | field  | expectation |
        | status | Scheduled   |
      When the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value                             |
        | eventType                     | Updated                           |
        | triggerReason                 | StopAuthorized                    |
        | transactionInfo.chargingState | EVConnected                       |
        | idToken.idToken               | the configured valid idToken      |
        | idToken.type                  | the configured valid idToken type |
      And the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value               |
        | eventType                     | Ended               |
        | triggerReason                 | EVCommunicationLost |
        | transactionInfo.chargingState | Idle                |
        | transactionInfo.stoppedReason | EVDisconnected      |

    @TC_B_27_CSMS @B12
    Scenario: TC_B_27_CSMS Reset EVSE - With Ongoing Transaction - Immediate
      The EVSE ends the running transaction (one transactionId, seqNo counting on) and resets; the
      station itself does not reboot.

      Given the charging station is in state EnergyTransferStarted
      When the CSMS is asked to send a ResetRequest with
        | field  | value               |
        | type   | Immediate           |
        | evseId | the configured EVSE |
      Then the CSMS sends a ResetRequest with
        | field  | expectation         |
        | type   | Immediate           |
        | evseId | the configured EVSE |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the next TransactionEventRequest of its transaction with
        | field                         | value          |
        | eventType                     | Ended          |
        | triggerReason                 | ResetCommand   |
        | transactionInfo.chargingState | EVConnected    |
        | transactionInfo.stoppedReason | ImmediateReset |

    @TC_B_42_CSMS @B09 @B09.FR.01
    Scenario: TC_B_42_CSMS Set new NetworkConnectionProfile - Accepted
      The operator is given the configured slot, URL, interface, security profile and message
      timeout, and the CSMS must send exactly those; optional connection data (apn, vpn) is not
      checked.

      When the CSMS is asked to send a SetNetworkProfileRequest with
        | field                          | value                             |
        | configurationSlot              | the configured configuration slot |
        | connectionData.ocppVersion     | OCPP20                            |
        | connectionData.ocppTransport   | JSON                              |
        | connectionData.ocppCsmsUrl     | the configured CSMS URL           |
        | connectionData.ocppInterface   | the configured OCPP interface     |
        | connectionData.securityProfile | the configured security profile   |
        | connectionData.messageTimeout  | the configured message timeout    |
      Then the CSMS sends a SetNetworkProfileRequest with
        | field                          | expectation                       |
        | configurationSlot              | the configured configuration slot |
        | connectionData.ocppVersion     | OCPP20                            |
        | connectionData.ocppTransport   | JSON                              |
        | connectionData.ocppCsmsUrl     | the configured CSMS URL           |
        | connectionData.ocppInterface   | the configured OCPP interface     |
        | connectionData.securityProfile | the configured security profile   |
        | connectionData.messageTimeout  | the configured message timeout    |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |

    @TC_B_44_CSMS @B09 @B09.FR.03
    Scenario: TC_B_44_CSMS Set new NetworkConnectionProfile - Failed
      The OCTT checks only that a valid SetNetworkProfileRequest arrives (the suite checks every
      request against the OCPP 2.0.1 schema); the station answers Failed. How the CSMS handles that
      answer cannot be observed from the station's side.

      Given the charging station will answer a SetNetworkProfileRequest with status Failed
      When the CSMS is asked to send a SetNetworkProfileRequest with
        | field                          | value                             |
        | configurationSlot              | the configured configuration slot |
        | connectionData.ocppVersion     | OCPP20                            |
        | connectionData.ocppTransport   | JSON                              |
        | connectionData.ocppCsmsUrl     | the configured CSMS URL           |
        | connectionData.ocppInterface   | the configured OCPP interface     |
        | connectionData.securityProfile | the configured security profile   |
        | connectionData.messageTimeout  | the configured message timeout    |
      Then the CSMS sends a SetNetworkProfileRequest
      And the charging station answered with
        | field  | expectation |
        | status | Failed      |
