@authorization
Feature: C Authorization
  The CSMS decides whether an idToken may charge: valid, invalid, blocked and expired tokens,
  tokens the station knew from its Authorization Cache or Local Authorization List, group ids,
  master passes, and ISO 15118 contract certificates checked by OCSP.

  Every scenario starts with the station booting and reporting its connectors, as a real station
  does; the older suite sent its first message without a BootNotification. Where the older suite
  used EVSE 1 and connector 1, the station uses the configured EVSE and connector, and one
  transaction id for every event of a transaction.

  @TC_C_02_CSMS @C01 @C04 @C06 @C01.FR.07 @C04.FR.01 @C06.FR.04
  Scenario: TC_C_02_CSMS Local start transaction - Authorization Invalid/Unknown
    The CSMS must not accept an idToken it does not know or knows as invalid; the three
    requirements are alternatives. The invalid idToken's type is the configured one (Central by
    default): the catalog's default "Cash" is no IdTokenEnumType of OCPP 2.0.1, and a request
    carrying it would fail the schema before the CSMS could judge the token.

    Given the charging station is booted and all its connectors are Available
    When the charging station sends an AuthorizeRequest with
      | field           | value                               |
      | idToken.idToken | the configured invalid idToken      |
      | idToken.type    | the configured invalid idToken type |
    Then the CSMS responds with
      | field              | expectation        |
      | idTokenInfo.status | Invalid or Unknown |

  @TC_C_06_CSMS @C01 @C01.FR.07
  Scenario: TC_C_06_CSMS Local start transaction - Authorization Blocked
    The CSMS holds the blocked idToken as Blocked; like the OCTT, the check also tolerates Invalid.

    Given the charging station is booted and all its connectors are Available
    When the charging station sends an AuthorizeRequest with
      | field           | value                               |
      | idToken.idToken | the configured blocked idToken      |
      | idToken.type    | the configured blocked idToken type |
    Then the CSMS responds with
      | field              | expectation        |
      | idTokenInfo.status | Blocked or Invalid |

  @TC_C_07_CSMS @C01 @C01.FR.07
  Scenario: TC_C_07_CSMS Local start transaction - Authorization Expired
    The CSMS holds the expired idToken with an expiry date in the past; like the OCTT, the check
    also tolerates Invalid.

    Given the charging station is booted and all its connectors are Available
    When the charging station sends an AuthorizeRequest with
      | field           | value                               |
      | idToken.idToken | the configured expired idToken      |
      | idToken.type    | the configured expired idToken type |
    Then the CSMS responds with
      | field              | expectation        |
      | idTokenInfo.status | Expired or Invalid |

  @TC_C_08_CSMS @C12 @C12.FR.03
  Scenario: TC_C_08_CSMS Authorization through authorization cache - Accepted
    The station finds the valid idToken Accepted in its Authorization Cache and, with
    LocalPreAuthorize, authorizes it without an AuthorizeRequest: the CSMS first sees the idToken
    in the TransactionEventRequest and must return its idTokenInfo. TxStartPoint is
    ParkingBayOccupancy, as the OCTT assumes, so the transaction starts when the bay is occupied
    and every later event is an Updated of that one transaction on the configured connector (the
    older suite invented a new transactionId per step, so its Updated named a transaction the CSMS
    never saw start, and reported the parking bay on connector 0).

    Given the charging station is configured with TxCtrlr.TxStartPoint = ParkingBayOccupancy
    And the charging station is configured with AuthCtrlr.LocalPreAuthorize = true
    And the charging station's authorization cache holds the configured valid idToken as Accepted
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station authorizes the configured valid idToken locally
    And the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                             |
      | eventType                     | Updated                           |
      | triggerReason                 | Authorized                        |
      | idToken.idToken               | the configured valid idToken      |
      | idToken.type                  | the configured valid idToken type |
      | transactionInfo.chargingState | EVConnected                       |
      | evse.id                       | the configured EVSE               |
      | evse.connectorId              | the configured connector          |
    Then the CSMS responds with
      | field              | expectation |
      | idTokenInfo        | present     |
      | idTokenInfo.status | Accepted    |

  @TC_C_20_CSMS @C12 @C12.FR.03
  Scenario: TC_C_20_CSMS Authorization through authorization cache - Invalid
    The station's Authorization Cache still holds the invalid idToken as Accepted, so the station
    authorizes it locally; the CSMS, which does not accept the idToken, must say so in the
    TransactionEventResponse. TxStartPoint and transaction as in TC_C_08_CSMS.

    Given the charging station is configured with TxCtrlr.TxStartPoint = ParkingBayOccupancy
    And the charging station is configured with AuthCtrlr.LocalPreAuthorize = true
    And the charging station's authorization cache holds the configured invalid idToken as Accepted
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station authorizes the configured invalid idToken locally
    And the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                               |
      | eventType                     | Updated                             |
      | triggerReason                 | Authorized                          |
      | idToken.idToken               | the configured invalid idToken      |
      | idToken.type                  | the configured invalid idToken type |
      | transactionInfo.chargingState | EVConnected                         |
      | evse.id                       | the configured EVSE                 |
      | evse.connectorId              | the configured connector            |
    Then the CSMS responds with
      | field              | expectation        |
      | idTokenInfo        | present            |
      | idTokenInfo.status | Invalid or Unknown |

  @TC_C_37_CSMS @C11
  Scenario: TC_C_37_CSMS Clear Authorization Data in Authorization Cache - Accepted
    The CSMS clears the station's Authorization Cache; the OCTT only waits for the request (up to
    CSMS_ACTION_TIMEOUT) and answers Accepted.

    Given the charging station's authorization cache holds the configured valid idToken as Accepted
    And the charging station is booted and all its connectors are Available
    When the CSMS is asked to send a ClearCacheRequest
    Then the CSMS sends a ClearCacheRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_C_38_CSMS @C11
  Scenario: TC_C_38_CSMS Clear Authorization Data in Authorization Cache - Rejected
    The OCTT is set up to answer Rejected; this station does so for the reason a real one would:
    its Authorization Cache is disabled. How the CSMS deals with the rejection is not checked.

    Given the charging station is configured with AuthCacheCtrlr.Enabled = false
    And the charging station is booted and all its connectors are Available
    When the CSMS is asked to send a ClearCacheRequest
    Then the CSMS sends a ClearCacheRequest
    And the charging station answered with
      | field  | expectation |
      | status | Rejected    |

  @TC_C_39_CSMS @C09 @C09.FR.02 @C09.FR.03
  Scenario: TC_C_39_CSMS Authorization by GroupId - Success
    Two valid idTokens share the configured group; the transaction the first one starts is
    stopped with the second. As the test case is written, step 1 asks about the second idToken
    and step 3 starts with the first; the CSMS must name the group in every answer. The EV is
    plugged in before step 1, as the OCTT text says (the older code did it between steps 2 and 3).
    The station starts its transaction when the EV is plugged in (TxStartPoint EVConnected), so
    step 3 is an Updated of that transaction: the OCTT allows it when a transaction is running;
    the older code sent a second Started with a new transactionId.

    Given the charging station is booted and all its connectors are Available
    And the charging station is in state EVConnectedPreSession
    When the charging station sends an AuthorizeRequest with
      | field           | value                                    |
      | idToken.idToken | the configured second valid idToken      |
      | idToken.type    | the configured second valid idToken type |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                             |
      | eventType                     | Updated                           |
      | triggerReason                 | Authorized                        |
      | idToken.idToken               | the configured valid idToken      |
      | idToken.type                  | the configured valid idToken type |
      | transactionInfo.chargingState | EVConnected                       |
      | evse.id                       | the configured EVSE               |
      | evse.connectorId              | the configured connector          |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EnergyTransferStarted
    And the charging station sends an AuthorizeRequest with
      | field           | value                                    |
      | idToken.idToken | the configured second valid idToken      |
      | idToken.type    | the configured second valid idToken type |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                    |
      | eventType                     | Updated                                  |
      | triggerReason                 | StopAuthorized                           |
      | idToken.idToken               | the configured second valid idToken      |
      | idToken.type                  | the configured second valid idToken type |
      | transactionInfo.chargingState | Charging                                 |
      | evse.id                       | the configured EVSE                      |
      | evse.connectorId              | the configured connector                 |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected

  @TC_C_40_CSMS @optional @C09 @C09.FR.02 @C09.FR.03
  Scenario: TC_C_40_CSMS Authorization by GroupId - Success with Local Authorization List
    Both valid idTokens are in the station's Local Authorization List, Accepted and in the
    configured group, and the station trusts its list (LocalPreAuthorize): no AuthorizeRequest is
    sent, the CSMS sees each idToken only in a TransactionEventRequest and must name the group.
    Step 1 is an Updated of the transaction started at plug-in (the OCTT allows it; the older code
    sent Started). EVConnectedPostSession continues the same transaction (the older code gave it a
    fresh id).

    Given the charging station is configured with AuthCtrlr.LocalPreAuthorize = true
    And the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                             | status   | groupIdToken            |
      | the configured valid idToken        | Accepted | the configured group id |
      | the configured second valid idToken | Accepted | the configured group id |
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station authorizes the configured valid idToken locally
    And the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                             |
      | eventType                     | Updated                           |
      | triggerReason                 | Authorized                        |
      | idToken.idToken               | the configured valid idToken      |
      | idToken.type                  | the configured valid idToken type |
      | transactionInfo.chargingState | EVConnected                       |
      | evse.id                       | the configured EVSE               |
      | evse.connectorId              | the configured connector          |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EnergyTransferStarted
    And the charging station authorizes the configured second valid idToken locally
    And the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                    |
      | eventType                     | Updated                                  |
      | triggerReason                 | StopAuthorized                           |
      | idToken.idToken               | the configured second valid idToken      |
      | idToken.type                  | the configured second valid idToken type |
      | transactionInfo.chargingState | Charging                                 |
      | evse.id                       | the configured EVSE                      |
      | evse.connectorId              | the configured connector                 |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected

  @TC_C_43_CSMS @optional @C09 @C09.FR.02 @C09.FR.03
  Scenario: TC_C_43_CSMS Authorization by GroupId - Invalid status with Local Authorization List
    The title's "invalid status" is read as the station's side of it: its Local Authorization List
    holds the second idToken as Invalid, so the station cannot trust its list for it and asks the
    CSMS, which knows it as Accepted in the configured group; every check expects Accepted, as in
    the OCTT. Otherwise as TC_C_40_CSMS.

    Given the charging station is configured with AuthCtrlr.LocalPreAuthorize = true
    And the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                             | status   | groupIdToken            |
      | the configured valid idToken        | Accepted | the configured group id |
      | the configured second valid idToken | Invalid  | the configured group id |
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station authorizes the configured valid idToken locally
    And the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                             |
      | eventType                     | Updated                           |
      | triggerReason                 | Authorized                        |
      | idToken.idToken               | the configured valid idToken      |
      | idToken.type                  | the configured valid idToken type |
      | transactionInfo.chargingState | EVConnected                       |
      | evse.id                       | the configured EVSE               |
      | evse.connectorId              | the configured connector          |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EnergyTransferStarted
    And the charging station sends an AuthorizeRequest with
      | field           | value                                    |
      | idToken.idToken | the configured second valid idToken      |
      | idToken.type    | the configured second valid idToken type |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                    |
      | eventType                     | Updated                                  |
      | triggerReason                 | StopAuthorized                           |
      | idToken.idToken               | the configured second valid idToken      |
      | idToken.type                  | the configured second valid idToken type |
      | transactionInfo.chargingState | Charging                                 |
      | evse.id                       | the configured EVSE                      |
      | evse.connectorId              | the configured connector                 |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station enters state EVConnectedPostSession
    And the charging station enters state EVDisconnected

  @TC_C_47_CSMS @optional @C16 @C16.FR.01
  Scenario: TC_C_47_CSMS Stop Transaction with a Master Pass - With UI - All transactions
    Two transactions run, as the OCTT text says: on the configured EVSE started by the valid
    idToken, on a second EVSE (EVSE 2, or EVSE 1 when the configured EVSE is 2) by the second
    valid idToken; both start with Authorized, so the CSMS sees them start (the older code never
    started them). The station's MasterPassGroupId is the configured master pass group: it
    recognises the master pass in the AuthorizeResponse and, all transactions selected on its UI,
    ends both with the master pass idToken, stoppedReason MasterPass, triggerReason StopAuthorized
    and chargingState Idle (the older code's values; the OCTT leaves the last two open).

    Given the charging station has a second EVSE besides the configured EVSE
    And the charging station's master pass group is the configured master pass group id
    And the charging station is booted and all its connectors are Available
    And the charging station is in state EnergyTransferStarted with
      | field       | value                             |
      | evseId      | the configured EVSE               |
      | connectorId | the configured connector          |
      | idToken     | the configured valid idToken      |
      | idTokenType | the configured valid idToken type |
    And the charging station is in state EnergyTransferStarted with
      | field       | value                                    |
      | evseId      | <secondEvse>                             |
      | connectorId | 1                                        |
      | idToken     | the configured second valid idToken      |
      | idTokenType | the configured second valid idToken type |
    When the charging station sends an AuthorizeRequest with
      | field           | value                                   |
      | idToken.idToken | the configured master pass idToken      |
      | idToken.type    | the configured master pass idToken type |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                   |
      | eventType                     | Ended                                   |
      | triggerReason                 | StopAuthorized                          |
      | idToken.idToken               | the configured master pass idToken      |
      | idToken.type                  | the configured master pass idToken type |
      | transactionInfo.chargingState | Idle                                    |
      | transactionInfo.stoppedReason | MasterPass                              |
      | evse.id                       | the configured EVSE                     |
      | evse.connectorId              | the configured connector                |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo                      | present                             |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                   |
      | eventType                     | Ended                                   |
      | triggerReason                 | StopAuthorized                          |
      | idToken.idToken               | the configured master pass idToken      |
      | idToken.type                  | the configured master pass idToken type |
      | transactionInfo.chargingState | Idle                                    |
      | transactionInfo.stoppedReason | MasterPass                              |
      | evse.id                       | <secondEvse>                            |
      | evse.connectorId              | 1                                       |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo                      | present                             |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |

  @TC_C_48_CSMS @optional @C16 @C16.FR.01
  Scenario: TC_C_48_CSMS Stop Transaction with a Master Pass - With UI - Specific transactions
    As the OCTT text says, transactions run on all EVSEs (the configured EVSE and a second one, as
    in TC_C_47_CSMS); the master pass holder selects only the one on the configured EVSE. The
    catalog presents the valid idToken at step 1 but ends the transaction with the master pass
    idToken at step 3. An Ended event carries the idToken that authorized the stop, so the station
    presents the master pass idToken at step 1 too: the idToken whose group is the master pass
    group (C16). The CSMS must name the master pass group in both answers.

    Given the charging station has a second EVSE besides the configured EVSE
    And the charging station's master pass group is the configured master pass group id
    And the charging station is booted and all its connectors are Available
    And the charging station is in state EnergyTransferStarted with
      | field       | value                             |
      | evseId      | the configured EVSE               |
      | connectorId | the configured connector          |
      | idToken     | the configured valid idToken      |
      | idTokenType | the configured valid idToken type |
    And the charging station is in state EnergyTransferStarted with
      | field       | value                                    |
      | evseId      | <secondEvse>                             |
      | connectorId | 1                                        |
      | idToken     | the configured second valid idToken      |
      | idTokenType | the configured second valid idToken type |
    When the charging station sends an AuthorizeRequest with
      | field           | value                                   |
      | idToken.idToken | the configured master pass idToken      |
      | idToken.type    | the configured master pass idToken type |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                   |
      | eventType                     | Ended                                   |
      | triggerReason                 | StopAuthorized                          |
      | idToken.idToken               | the configured master pass idToken      |
      | idToken.type                  | the configured master pass idToken type |
      | transactionInfo.chargingState | Idle                                    |
      | transactionInfo.stoppedReason | MasterPass                              |
      | evse.id                       | the configured EVSE                     |
      | evse.connectorId              | the configured connector                |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo                      | present                             |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |

  @TC_C_49_CSMS @optional @C16 @C16.FR.02
  Scenario: TC_C_49_CSMS Stop Transaction with a Master Pass - Without UI
    Without a UI the station stops every transaction once the master pass is recognised; each
    Ended event carries the transaction's own idToken with stoppedReason MasterPass. The CSMS
    answers with the idTokenInfo of that idToken, so its group is the configured group id of the
    valid idTokens: the older code expected the master pass group, which holds only while both
    groups are configured alike (GROUP001 by default). Transactions as in TC_C_47_CSMS.

    Given the charging station has a second EVSE besides the configured EVSE
    And the charging station's master pass group is the configured master pass group id
    And the charging station is booted and all its connectors are Available
    And the charging station is in state EnergyTransferStarted with
      | field       | value                             |
      | evseId      | the configured EVSE               |
      | connectorId | the configured connector          |
      | idToken     | the configured valid idToken      |
      | idTokenType | the configured valid idToken type |
    And the charging station is in state EnergyTransferStarted with
      | field       | value                                    |
      | evseId      | <secondEvse>                             |
      | connectorId | 1                                        |
      | idToken     | the configured second valid idToken      |
      | idTokenType | the configured second valid idToken type |
    When the charging station sends an AuthorizeRequest with
      | field           | value                                   |
      | idToken.idToken | the configured master pass idToken      |
      | idToken.type    | the configured master pass idToken type |
    Then the CSMS responds with
      | field                            | expectation                         |
      | idTokenInfo.status               | Accepted                            |
      | idTokenInfo.groupIdToken.idToken | the configured master pass group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                             |
      | eventType                     | Ended                             |
      | triggerReason                 | StopAuthorized                    |
      | idToken.idToken               | the configured valid idToken      |
      | idToken.type                  | the configured valid idToken type |
      | transactionInfo.chargingState | Idle                              |
      | transactionInfo.stoppedReason | MasterPass                        |
      | evse.id                       | the configured EVSE               |
      | evse.connectorId              | the configured connector          |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                                    |
      | eventType                     | Ended                                    |
      | triggerReason                 | StopAuthorized                           |
      | idToken.idToken               | the configured second valid idToken      |
      | idToken.type                  | the configured second valid idToken type |
      | transactionInfo.chargingState | Idle                                     |
      | transactionInfo.stoppedReason | MasterPass                               |
      | evse.id                       | <secondEvse>                             |
      | evse.connectorId              | 1                                        |
    Then the CSMS responds with
      | field                            | expectation             |
      | idTokenInfo                      | present                 |
      | idTokenInfo.status               | Accepted                |
      | idTokenInfo.groupIdToken.idToken | the configured group id |

  @TC_C_50_CSMS @optional @C07 @C07.FR.04
  Scenario: TC_C_50_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted
    The station validated the EV's contract certificate chain itself and sends its OCSP request
    data; the CSMS must ask the OCSP responder named in it (the suite runs that responder and
    judges the question, steps 2-3) and accept. The idToken is the eMAID of the contract
    certificate, of type eMAID, as the OCTT text says (the older code sent the valid idToken,
    type Central); the CSMS is told to know that eMAID as Accepted. In the embedded mode the chain
    (V2G root, MO sub-CA, contract certificate) is issued by the suite; against a user's CSMS the
    configured ISO 15118 files replace it, and then the OCSP question cannot be observed. Step 5
    is an Updated of the transaction started at plug-in.

    Given the CSMS operator applies the setting ConfigureIdToken with
      | field           | value                |
      | idToken.idToken | the configured eMAID |
      | idToken.type    | eMAID                |
      | status          | Accepted             |
    And the EV presents the valid contract certificate of the configured eMAID
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station sends an AuthorizeRequest with
      | field                       | value                         |
      | idToken.idToken             | the configured eMAID          |
      | idToken.type                | eMAID                         |
      | iso15118CertificateHashData | <contractCertificateHashData> |
      | certificate                 | absent                        |
    Then the CSMS asked the OCSP responder about the contract certificate, which answered good
    And the CSMS responds with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
      | certificateStatus  | Accepted    |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                    |
      | eventType                     | Updated                  |
      | triggerReason                 | Authorized               |
      | idToken.idToken               | the configured eMAID     |
      | idToken.type                  | eMAID                    |
      | transactionInfo.chargingState | EVConnected              |
      | evse.id                       | the configured EVSE      |
      | evse.connectorId              | the configured connector |
    Then the CSMS responds with
      | field              | expectation |
      | idTokenInfo        | present     |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted

  @TC_C_51_CSMS @optional @C07 @C07.FR.16
  Scenario: TC_C_51_CSMS Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected
    As TC_C_50_CSMS, but the contract certificate has been revoked: the OCSP responder says so and
    the CSMS must refuse the idToken although it knows the eMAID as Accepted. No transaction
    starts. That the station then starts no transaction (the sequence diagram's post-check) is
    the station's own behaviour and not a check on the CSMS.

    Given the CSMS operator applies the setting ConfigureIdToken with
      | field           | value                |
      | idToken.idToken | the configured eMAID |
      | idToken.type    | eMAID                |
      | status          | Accepted             |
    And the EV presents the revoked contract certificate of the configured eMAID
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station sends an AuthorizeRequest with
      | field                       | value                         |
      | idToken.idToken             | the configured eMAID          |
      | idToken.type                | eMAID                         |
      | iso15118CertificateHashData | <contractCertificateHashData> |
      | certificate                 | absent                        |
    Then the CSMS asked the OCSP responder about the contract certificate, which answered revoked
    And the CSMS responds with
      | field              | expectation        |
      | idTokenInfo.status | Invalid            |
      | certificateStatus  | CertificateRevoked |

  @TC_C_52_CSMS @optional @C07 @C07.FR.04 @C07.FR.05
  Scenario: TC_C_52_CSMS Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted
    The station sends the EV's contract certificate chain itself (PEM: the contract certificate,
    then its sub-CA) and no hash data: the CSMS must validate the chain up to the V2G root it
    trusts, compute the OCSP request data itself and ask the responder the certificate names
    (AIA), which the suite runs and judges. The suite's root is given to the CSMS as the
    prerequisite says; against a user's CSMS with CONTRACT_CERT_FILE set, trusting its root is the
    user's prerequisite and the OCSP question cannot be observed. The idToken is the eMAID the
    certificate names (the older code sent the valid idToken, which the certificate does not name).

    Given the CSMS operator applies the setting ConfigureIdToken with
      | field           | value                |
      | idToken.idToken | the configured eMAID |
      | idToken.type    | eMAID                |
      | status          | Accepted             |
    And the EV presents the valid contract certificate of the configured eMAID
    And the CSMS trusts the root of the contract certificate
    And the charging station is booted and all its connectors are Available
    And the charging station is in state ParkingBayOccupied
    And the charging station is in state EVConnectedPreSession
    When the charging station sends an AuthorizeRequest with
      | field                       | value                 |
      | idToken.idToken             | the configured eMAID  |
      | idToken.type                | eMAID                 |
      | certificate                 | <contractCertificate> |
      | iso15118CertificateHashData | absent                |
    Then the CSMS asked the OCSP responder about the contract certificate, which answered good
    And the CSMS responds with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
      | certificateStatus  | Accepted    |
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                         | value                    |
      | eventType                     | Updated                  |
      | triggerReason                 | Authorized               |
      | idToken.idToken               | the configured eMAID     |
      | idToken.type                  | eMAID                    |
      | transactionInfo.chargingState | EVConnected              |
      | evse.id                       | the configured EVSE      |
      | evse.connectorId              | the configured connector |
    Then the CSMS responds with
      | field              | expectation |
      | idTokenInfo        | present     |
      | idTokenInfo.status | Accepted    |
    When the charging station enters state EnergyTransferStarted
