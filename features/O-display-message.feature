@displayMessage
Feature: O Display Message
  The CSMS sets messages for the charging station to show to the driver (for everybody or for one
  transaction, from a start time, until an end time), replaces them, asks which messages the
  station holds and removes them.

  The station keeps a real message store: what it accepts it holds (id, priority, state, message
  format, language and content, start and end time, transaction), a message of the same id
  replaces the one it held, a message of a transaction is dropped when that transaction ends, and
  one past its end time is removed; a message with a start time in the future is held but not
  shown before that time. Its answers follow from that store and from its DisplayMessageCtrlr
  variables (SupportedFormats, SupportedPriorities, SupportedStates, and DisplayMessages, whose
  maxLimit is how many messages it can hold), never from the test case: where the OCTT answers
  NotSupported…, Rejected, Unknown or UnknownTransaction whatever arrives, the scenario first sets
  the station up so that this is its answer to what the operator asks for.

  Where the OCTT text writes <Configured Priority>, <Configured State>, <Configured Format> there
  is no configuration variable: the operator is asked for a value and the CSMS must use that
  value (the older suite only checked that the field was there). Each request the station sends
  (NotifyDisplayMessagesRequest, its transaction events) must be answered with a schema-valid
  CALLRESULT within OCPP_CALL_TIMEOUT, else the step that sent it fails.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_O_01_CSMS @optional @O01 @O01.FR.04
  Scenario: TC_O_01_CSMS Set Display Message - Success
    A message that belongs to no transaction carries no transactionId (O01.FR.04), as the OCTT's
    diagram and code check.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                              |
      | message.priority        | InFront                            |
      | message.message.format  | UTF8                               |
      | message.message.content | "Welcome at this charging station" |
      | message.state           | Idle                               |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                  | expectation     |
      | message.id             | an integer >= 0 |
      | message.priority       | InFront         |
      | message.message.format | UTF8            |
      | message.state          | Idle            |
      | message.transactionId  | absent          |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_02_CSMS @optional @O03
  Scenario: TC_O_02_CSMS Get all Display Messages - Success
    The CSMS first sets the message the station is to hold (step 0, not validated). The station
    reports it as it holds it: a message set without a state is reported without one (the older
    suite wrote Idle; MessageInfoType.state is optional and absent means "in any state").

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                 |
      | message.priority        | NormalCycle           |
      | message.message.format  | UTF8                  |
      | message.message.content | "Charging costs 0.25" |
      | message.state           | Idle                  |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a GetDisplayMessagesRequest
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation     |
      | requestId | an integer >= 0 |
      | id        | absent          |
      | priority  | absent          |
      | state     | absent          |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the NotifyDisplayMessagesRequest it owes
    Then the charging station sent a NotifyDisplayMessagesRequest with
      | field                          | expectation                           |
      | requestId                      | <GetDisplayMessagesRequest.requestId> |
      | messageInfo                    | 1 elements                            |
      | messageInfo[0].id              | <messageId>                           |
      | messageInfo[0].priority        | NormalCycle                           |
      | messageInfo[0].state           | Idle                                  |
      | messageInfo[0].message.format  | UTF8                                  |
      | messageInfo[0].message.content | "Charging costs 0.25"                 |
      | tbc                            | absent                                |

  @TC_O_03_CSMS @optional @O03
  Scenario: TC_O_03_CSMS Get all Display Messages - No DisplayMessages configured
    The station holds no display message, so it answers Unknown and reports nothing.

    When the CSMS is asked to send a GetDisplayMessagesRequest
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation     |
      | requestId | an integer >= 0 |
    And the charging station answered with
      | field  | expectation |
      | status | Unknown     |

  @TC_O_04_CSMS @optional @O05
  Scenario: TC_O_04_CSMS Clear Display Message - Success
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value             |
      | message.priority        | NormalCycle       |
      | message.message.format  | ASCII             |
      | message.message.content | "Out of service?" |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a ClearDisplayMessageRequest with
      | field | value       |
      | id    | <messageId> |
    Then the CSMS sends a ClearDisplayMessageRequest with
      | field | expectation |
      | id    | <messageId> |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_05_CSMS @optional @O05
  Scenario: TC_O_05_CSMS Clear Display Message - Unknown Key
    The station holds no display message, so any id is unknown to it. The OCTT lists no tool
    validation.

    When the CSMS is asked to send a ClearDisplayMessageRequest with
      | field | value |
      | id    | 4711  |
    Then the CSMS sends a ClearDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Unknown     |

  @TC_O_06_CSMS @optional @O02
  Scenario: TC_O_06_CSMS Set Display Message - Specific transaction - Success
    The transaction runs as a real one does (Authorized, then EnergyTransferStarted). Step 3 is
    the EV-side disconnect the OCTT sends (EVDisconnected run directly from
    EnergyTransferStarted): the connector becomes Available and the transaction ends, its seqNo
    counting on from its own events (the catalog's 4, counted from 1). The station then drops the
    transaction's message (O02).

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                     |
      | message.priority        | AlwaysFront               |
      | message.message.format  | UTF8                      |
      | message.message.content | "Your session is running" |
      | message.transactionId   | <transactionId>           |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                 | expectation     |
      | message.transactionId | <transactionId> |
      | message.priority      | AlwaysFront     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
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
      | eventType | triggerReason       | transactionInfo.transactionId | transactionInfo.chargingState | transactionInfo.stoppedReason | evse.id             | evse.connectorId         |
      | Ended     | EVCommunicationLost | <transactionId>               | Idle                          | EVDisconnected                | the configured EVSE | the configured connector |

  @TC_O_07_CSMS @optional @O04
  Scenario: TC_O_07_CSMS Get a Specific Display Message - Id
    The id list must contain the id of the message just set; the station reports the messages of
    the listed ids that it holds.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value            |
      | message.priority        | InFront          |
      | message.message.format  | UTF8             |
      | message.message.content | "Please plug in" |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a GetDisplayMessagesRequest with
      | field | value       |
      | id[0] | <messageId> |
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation          |
      | id        | contains <messageId> |
      | priority  | absent               |
      | state     | absent               |
      | requestId | an integer >= 0      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the NotifyDisplayMessagesRequest it owes
    Then the charging station sent a NotifyDisplayMessagesRequest with
      | field                          | expectation                           |
      | requestId                      | <GetDisplayMessagesRequest.requestId> |
      | messageInfo                    | 1 elements                            |
      | messageInfo[0].id              | <messageId>                           |
      | messageInfo[0].priority        | InFront                               |
      | messageInfo[0].state           | absent                                |
      | messageInfo[0].message.content | "Please plug in"                      |
      | tbc                            | absent                                |

  @TC_O_08_CSMS @optional @O04
  Scenario: TC_O_08_CSMS Get a Specific Display Message - Priority
    The operator asks for the priority of the message just set; the station reports the messages
    of exactly that priority (the OCTT reported its message whatever priority was asked).

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value            |
      | message.priority        | InFront          |
      | message.message.format  | UTF8             |
      | message.message.content | "Tariff changes" |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a GetDisplayMessagesRequest with
      | field    | value   |
      | priority | InFront |
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation     |
      | priority  | InFront         |
      | id        | absent          |
      | state     | absent          |
      | requestId | an integer >= 0 |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the NotifyDisplayMessagesRequest it owes
    Then the charging station sent a NotifyDisplayMessagesRequest with
      | field                   | expectation                           |
      | requestId               | <GetDisplayMessagesRequest.requestId> |
      | messageInfo             | 1 elements                            |
      | messageInfo[0].id       | <messageId>                           |
      | messageInfo[0].priority | InFront                               |
      | tbc                     | absent                                |

  @TC_O_09_CSMS @optional @O04
  Scenario: TC_O_09_CSMS Get a Specific Display Message - State
    The message is set with a state, and the operator asks for that state; the station reports the
    messages of exactly that state (the OCTT reported its message whatever state was asked).

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                   |
      | message.priority        | NormalCycle             |
      | message.message.format  | UTF8                    |
      | message.message.content | "Thank you for waiting" |
      | message.state           | Idle                    |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a GetDisplayMessagesRequest with
      | field | value |
      | state | Idle  |
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation     |
      | state     | Idle            |
      | priority  | absent          |
      | id        | absent          |
      | requestId | an integer >= 0 |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the NotifyDisplayMessagesRequest it owes
    Then the charging station sent a NotifyDisplayMessagesRequest with
      | field                | expectation                           |
      | requestId            | <GetDisplayMessagesRequest.requestId> |
      | messageInfo          | 1 elements                            |
      | messageInfo[0].id    | <messageId>                           |
      | messageInfo[0].state | Idle                                  |
      | tbc                  | absent                                |

  @TC_O_10_CSMS @optional @O02
  Scenario: TC_O_10_CSMS Set Display Message - Specific transaction - UnknownTransaction
    A transaction runs, and the operator asks for a message of a transaction the station does not
    know. The station answers UnknownTransaction because the id is none of its running
    transactions (the OCTT answered so even for the running transaction's own id); the scenario
    checks that the id is not that of the running transaction.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                                  |
      | message.priority        | InFront                                |
      | message.message.format  | UTF8                                   |
      | message.message.content | "Session of somebody else"             |
      | message.transactionId   | "00000000-0000-4000-8000-000000000000" |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                 | expectation         |
      | message.transactionId | a non-empty string  |
      | message.transactionId | not <transactionId> |
      | message.priority      | InFront             |
    And the charging station answered with
      | field  | expectation        |
      | status | UnknownTransaction |

  @TC_O_11_CSMS @optional @O04
  Scenario: TC_O_11_CSMS Get a Specific Display Message - Unknown parameters
    The station holds one message; asked for another id only, it holds none of those and answers
    Unknown, with no report.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value          |
      | message.priority        | NormalCycle    |
      | message.message.format  | UTF8           |
      | message.message.content | "Hello driver" |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a GetDisplayMessagesRequest with
      | field | value   |
      | id    | [90817] |
    Then the CSMS sends a GetDisplayMessagesRequest with
      | field     | expectation              |
      | id        | a list                   |
      | id        | not contains <messageId> |
      | requestId | an integer >= 0          |
    And the charging station answered with
      | field  | expectation |
      | status | Unknown     |

  @TC_O_12_CSMS @optional @O06
  Scenario: TC_O_12_CSMS Set Display Message - Replace DisplayMessage
    The second request must come after the first (the OCTT enforces the order here) and use the
    same id; the station replaces the message it held. The OCTT files these validations under
    step 2; they concern the request of step 1.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value          |
      | message.priority        | NormalCycle    |
      | message.message.format  | UTF8           |
      | message.message.content | "Free parking" |
    Then the CSMS sends a SetDisplayMessageRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its message.id as messageId
    And the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                      |
      | message.id              | <messageId>                |
      | message.priority        | InFront                    |
      | message.message.format  | UTF8                       |
      | message.message.content | "Free parking until 18:00" |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field            | expectation |
      | message.id       | <messageId> |
      | message.priority | InFront     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_13_CSMS @optional @O01 @O01.FR.05
  Scenario: TC_O_13_CSMS Set Display Message - Display message at StartTime
    The start time lies one hour ahead: the station holds the message and shows it from then on.
    As in the OCTT, the scenario ends with the answer and does not wait for the start time.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                  |
      | message.priority        | NormalCycle            |
      | message.message.format  | UTF8                   |
      | message.message.content | "Maintenance at 14:00" |
      | message.startDateTime   | <now + 1 h>            |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                 | expectation     |
      | message.id            | an integer >= 0 |
      | message.startDateTime | a date-time     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_14_CSMS @optional @O01 @O01.FR.05
  Scenario: TC_O_14_CSMS Set Display Message - Remove message after EndTime
    The end time lies one hour ahead: the station removes the message then. As in the OCTT, the
    scenario ends with the answer and does not wait for the end time.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value               |
      | message.priority        | NormalCycle         |
      | message.message.format  | UTF8                |
      | message.message.content | "Happy hour: -10 %" |
      | message.endDateTime     | <now + 1 h>         |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field               | expectation     |
      | message.id          | an integer >= 0 |
      | message.endDateTime | a date-time     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_17_CSMS @optional @O01
  Scenario: TC_O_17_CSMS Set Display Message - NotSupportedPriority
    The station's display cannot put a message before everything else: AlwaysFront is not in its
    DisplayMessageCtrlr.SupportedPriorities, and the operator asks for that priority.

    Given the charging station does not support display messages with priority AlwaysFront
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value             |
      | message.priority        | AlwaysFront       |
      | message.message.format  | UTF8              |
      | message.message.content | "Station closing" |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field            | expectation     |
      | message.id       | an integer >= 0 |
      | message.priority | AlwaysFront     |
    And the charging station answered with
      | field  | expectation          |
      | status | NotSupportedPriority |

  @TC_O_18_CSMS @optional @O01
  Scenario: TC_O_18_CSMS Set Display Message - NotSupportedState
    The station's display shows nothing while the station is faulted: Faulted is not in its
    DisplayMessageCtrlr.SupportedStates (a variable OCPP 2.0.1 does not name; the station defines
    it), and the operator asks for that state.

    Given the charging station does not support display messages for the state Faulted
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value               |
      | message.priority        | NormalCycle         |
      | message.message.format  | UTF8                |
      | message.message.content | "Call the helpdesk" |
      | message.state           | Faulted             |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field         | expectation     |
      | message.id    | an integer >= 0 |
      | message.state | Faulted         |
    And the charging station answered with
      | field  | expectation       |
      | status | NotSupportedState |

  @TC_O_19_CSMS @optional @O01
  Scenario: TC_O_19_CSMS Set Display Message - NotSupportedMessageFormat
    The station's display cannot render HTML: HTML is not in its DisplayMessageCtrlr.SupportedFormats,
    and the operator asks for that format.

    Given the charging station does not support the display message format HTML
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value            |
      | message.priority        | NormalCycle      |
      | message.message.format  | HTML             |
      | message.message.content | "<b>Welcome</b>" |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                  | expectation     |
      | message.id             | an integer >= 0 |
      | message.message.format | HTML            |
    And the charging station answered with
      | field  | expectation               |
      | status | NotSupportedMessageFormat |

  @TC_O_25_CSMS @optional @O01
  Scenario: TC_O_25_CSMS Set Display Message - Send Specific state
    The message is for the state Charging, which the station's display supports.

    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                   |
      | message.priority        | NormalCycle             |
      | message.message.format  | UTF8                    |
      | message.message.content | "Charging, please wait" |
      | message.state           | Charging                |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field         | expectation     |
      | message.id    | an integer >= 0 |
      | message.state | Charging        |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_26_CSMS @optional @O01
  Scenario: TC_O_26_CSMS Set Display Message - Rejected
    The station has no room for another message (it holds as many as the maxLimit of
    DisplayMessageCtrlr.DisplayMessages), so it rejects a new one. The manual action asks for
    priority NormalCycle, and the CSMS must use it.

    Given the charging station has no room for another display message
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value           |
      | message.priority        | NormalCycle     |
      | message.message.format  | UTF8            |
      | message.message.content | "Price per kWh" |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field            | expectation     |
      | message.id       | an integer >= 0 |
      | message.priority | NormalCycle     |
    And the charging station answered with
      | field  | expectation |
      | status | Rejected    |

  @TC_O_27_CSMS @optional @O02
  Scenario: TC_O_27_CSMS Set Display Message - Specific transaction - Display message at StartTime
    The message of the running transaction starts one minute ahead: the station holds it and shows
    it from then on while the transaction runs. As in the OCTT, the scenario does not wait for the
    start time and leaves the transaction open.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                   |
      | message.priority        | InFront                 |
      | message.message.format  | UTF8                    |
      | message.message.content | "Charged 10 kWh so far" |
      | message.startDateTime   | <now + 1 min>           |
      | message.transactionId   | <transactionId>         |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                 | expectation     |
      | message.state         | absent          |
      | message.startDateTime | a date-time     |
      | message.endDateTime   | absent          |
      | message.transactionId | <transactionId> |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_O_28_CSMS @optional @O02
  Scenario: TC_O_28_CSMS Set Display Message - Specific transaction - Remove message after EndTime
    The message of the running transaction ends one hour ahead: the station removes it then, or
    when the transaction ends before. As in the OCTT, the scenario does not wait for the end time
    and leaves the transaction open.

    Given the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetDisplayMessageRequest with
      | field                   | value                  |
      | message.priority        | InFront                |
      | message.message.format  | UTF8                   |
      | message.message.content | "Parking fee from 19h" |
      | message.endDateTime     | <now + 1 h>            |
      | message.transactionId   | <transactionId>        |
    Then the CSMS sends a SetDisplayMessageRequest with
      | field                 | expectation     |
      | message.state         | absent          |
      | message.startDateTime | absent          |
      | message.endDateTime   | a date-time     |
      | message.transactionId | <transactionId> |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
