@reservation
Feature: H Reservation
  The CSMS reserves an EVSE, or any EVSE (of a connector type), for an idToken or its group with
  ReserveNow, cancels a reservation with CancelReservation, and learns from ReservationStatusUpdate
  when a reservation expired or was removed.

  The station answers from its reservations: ReservationCtrlr.Enabled false refuses them; an EVSE
  that is Inoperative, Faulted or occupied refuses with that reason. A reserved EVSE admits only the
  reservation's idToken or its group, and a transaction started for it carries the reservation's id.
  An EVSE-specific reservation makes the EVSE's connectors Reserved; reservations without an EVSE do
  so once there are as many of them as free EVSEs that could serve them. A reservation expires at
  its expiryDateTime on the station's clock (ReservationStatusUpdate Expired) and is removed when its
  EVSE becomes Faulted or Unavailable (Removed). After answering, the station owes the
  StatusNotificationRequest and the AvailabilityState NotifyEventRequest of every connector whose
  status changed, and a ReservationStatusUpdateRequest where one applies, and sends them one after
  the other. Its NotifyEventRequests are the station's own (running eventId and seqNo,
  HardWiredNotification; the older suite sent eventId = the EVSE id, seqNo 1231230 and CustomMonitor).

  What is checked of the CSMS: its ReserveNowRequest and CancelReservationRequest (schema and the
  fields below), and that it answers every request of the station with a schema-valid CALLRESULT
  within OCPP_CALL_TIMEOUT, else the step that sent it fails.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_H_01_CSMS @optional @H01 @H03
  Scenario: TC_H_01_CSMS Reserve a specific EVSE - Accepted - Valid idToken
    Step 1 is the reusable state Reserved for the configured EVSE, written out (its CSMS-initiated
    form). The reservation id must be there; the expiryDateTime is the CSMS's choice.

    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | evseId          | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | id              | an integer >= 0                   |
      | evseId          | the configured EVSE               |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_07_CSMS @optional @H01 @H04
  Scenario: TC_H_07_CSMS Reserve a specific EVSE - Reservation Ended / not used
    The reservation lasts the configured transaction duration (scaled by TIME_SCALE, as every wait of
    the suite): its expiryDateTime must lie ahead and within max(10, TRANSACTION_DURATION) s of now +
    TRANSACTION_DURATION, as the OCTT's code checks. The station's clock ends the reservation at that
    instant; nobody uses it, so the EVSE is Available again and the station reports it Expired.

    When the CSMS is asked to send a ReserveNowRequest expiring after the configured transaction duration with
      | field           | value                             |
      | evseId          | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | the configured EVSE               |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
      | expiryDateTime  | a date-time                       |
    And its expiryDateTime lies about the configured transaction duration ahead
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |
    When the reservation reaches its expiryDateTime
    And the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Available                |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Available"              |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |
    When the charging station sends the ReservationStatusUpdateRequest it owes
    Then the charging station sent a ReservationStatusUpdateRequest with
      | field                   | expectation              |
      | reservationId           | <ReserveNowRequest.id>   |
      | reservationUpdateStatus | Expired                  |

  @TC_H_08_CSMS @optional @H01 @H03
  Scenario: TC_H_08_CSMS Reserve an unspecified EVSE - Accepted
    A reservation without an EVSE holds one EVSE back; with one EVSE (the default) that is the
    configured one, which becomes Reserved. With more EVSEs than reservations nothing is Reserved
    yet (the older code always sent the report), so the steps below need CONFIGURED_NUMBER_OF_EVSES 1.

    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | absent                            |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_14_CSMS @optional @H01
  Scenario: TC_H_14_CSMS Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations
    One reservation without an EVSE per EVSE of the station (CONFIGURED_NUMBER_OF_EVSES), each asked
    for once the previous one arrived; only with the last one are all EVSEs held back, and the
    station reports every EVSE Reserved.

    When the CSMS is asked to send a ReserveNowRequest for each EVSE of the station with
      | field           | value                             |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then each of those ReserveNowRequests has
      | field           | expectation                       |
      | evseId          | absent                            |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered each of those ReserveNowRequests with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends everything it owes
    Then the charging station sent a StatusNotificationRequest for each of its EVSEs with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | connectorId     | the configured connector |
    And the charging station sent a NotifyEventRequest for each of its EVSEs with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_15_CSMS @optional @H01 @H03
  Scenario: TC_H_15_CSMS Reserve a connector with a specific type - Success
    A reservation for the configured connector type holds back an EVSE with such a connector; with
    one EVSE that is the configured one, which becomes Reserved.

    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | connectorType   | <CONFIGURED_CONNECTOR_TYPE>       |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | absent                            |
      | connectorType   | the configured connector type     |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_17_CSMS @optional @H02
  Scenario: TC_H_17_CSMS Cancel reservation of an EVSE - Success
    The CSMS cancels the reservation it just made; the EVSE is Available again.

    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | evseId          | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | the configured EVSE               |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |
    When the CSMS is asked to send a CancelReservationRequest with
      | field         | value                  |
      | reservationId | <ReserveNowRequest.id> |
    Then the CSMS sends a CancelReservationRequest with
      | field         | expectation            |
      | reservationId | <ReserveNowRequest.id> |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Available                |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Available"              |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_19_CSMS @optional @H01 @H03
  Scenario: TC_H_19_CSMS Reserve a specific EVSE - Use a reserved EVSE with GroupId
    The reservation names the configured group (GROUP_ID), to which the configured valid idToken
    belongs at the CSMS; the OCTT only checks that groupIdToken is there, and so does this scenario
    (its value is the CSMS's to choose). As in the OCTT, nobody uses the reservation here.

    When the CSMS is asked to send a ReserveNowRequest with
      | field                | value                             |
      | evseId               | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken      | the configured valid idToken      |
      | idToken.type         | the configured valid idToken type |
      | groupIdToken.idToken | the configured group id           |
      | groupIdToken.type    | Central                           |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | the configured EVSE               |
      | connectorType   | absent                            |
      | groupIdToken    | present                           |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |

  @TC_H_20_CSMS @optional @H01
  Scenario: TC_H_20_CSMS Charging Station cancels reservation when Faulted
    The reserved connector develops a fault: the station reports it Faulted and removes the
    reservation, which it can no longer honour.

    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | evseId          | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field           | expectation                       |
      | evseId          | the configured EVSE               |
      | connectorType   | absent                            |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the StatusNotificationRequest it owes
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Reserved                 |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    When the charging station sends the NotifyEventRequest it owes
    Then the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].actualValue                | "Reserved"               |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |
    When the configured connector becomes Faulted
    Then the charging station sent a StatusNotificationRequest with
      | field           | expectation              |
      | connectorStatus | Faulted                  |
      | evseId          | the configured EVSE      |
      | connectorId     | the configured connector |
    And the charging station sent a NotifyEventRequest with
      | field                                   | expectation              |
      | eventData[0].trigger                    | Delta                    |
      | eventData[0].actualValue                | "Faulted"                |
      | eventData[0].component.name             | "Connector"              |
      | eventData[0].component.evse.id          | the configured EVSE      |
      | eventData[0].component.evse.connectorId | the configured connector |
      | eventData[0].variable.name              | "AvailabilityState"      |
    When the charging station sends the ReservationStatusUpdateRequest it owes
    Then the charging station sent a ReservationStatusUpdateRequest with
      | field                   | expectation            |
      | reservationId           | <ReserveNowRequest.id> |
      | reservationUpdateStatus | Removed                |

  @TC_H_22_CSMS @optional @H01
  Scenario: TC_H_22_CSMS Reserve a specific EVSE - Configured to Reject
    The station has reservations switched off (ReservationCtrlr.Enabled false), so it answers
    Rejected and reports nothing. The OCTT checks no field; the scenario checks that the request is
    for the configured EVSE, as the title and the manual action say.

    Given the charging station is configured with ReservationCtrlr.Enabled = false
    When the CSMS is asked to send a ReserveNowRequest with
      | field           | value                             |
      | evseId          | <CONFIGURED_EVSE_ID>              |
      | idToken.idToken | the configured valid idToken      |
      | idToken.type    | the configured valid idToken type |
    Then the CSMS sends a ReserveNowRequest with
      | field  | expectation         |
      | evseId | the configured EVSE |
    And the charging station answered with
      | field  | expectation |
      | status | Rejected    |
    And the charging station owes no StatusNotificationRequest
