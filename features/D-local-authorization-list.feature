@localAuthorizationList
Feature: D Local Authorization List Management
  The CSMS installs and updates the Local Authorization List of a station, full or differential,
  numbers each version, and asks the station which version it holds.

  Besides what the older suite checked, every list the CSMS sends must hold each idToken once
  (D01.FR.06) and be numbered above 0 (D01.FR.18). A station answers any
  GetLocalListVersionRequest with the version it holds, also where the OCTT calls the request
  optional.

  Background:
    Given the charging station is connected to the CSMS
    When the charging station sends a BootNotificationRequest with
      | field                      | value                      |
      | reason                     | PowerUp                    |
      | chargingStation.model      | the configured model       |
      | chargingStation.vendorName | the configured vendor name |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the charging station reports all its connectors Available

  @TC_D_01_CSMS @optional @D01 @D01.FR.01 @D01.FR.06 @D01.FR.18
  Scenario: TC_D_01_CSMS Send Local Authorization List - Full
    The CSMS installs a full list with an idTokenInfo for every entry. It may ask for the list
    version first (OCTT step 2); the station answers the configured version.

    Given the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                                  | status   |
      | the configured local list idToken        | Accepted |
      | the configured second local list idToken | Accepted |
    When the CSMS is asked to send a SendLocalListRequest with
      | field      | value |
      | updateType | Full  |
    Then the CSMS sends a SendLocalListRequest with
      | field                                 | expectation        |
      | updateType                            | Full               |
      | versionNumber                         | an integer > 0     |
      | localAuthorizationList                | at least 1 element |
      | localAuthorizationList[*].idTokenInfo | present            |
    And no idToken appears twice in its localAuthorizationList
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_D_02_CSMS @optional @D01 @D01.FR.01 @D01.FR.06 @D01.FR.18
  Scenario: TC_D_02_CSMS Send Local Authorization List - Differential Update
    The CSMS asks for the station's list version and sends a differential update numbered above
    it. The station's version stays the configured one until it accepts the update.

    Given the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                                  | status   |
      | the configured local list idToken        | Accepted |
      | the configured second local list idToken | Accepted |
    When the CSMS is asked to send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    And the charging station answered with
      | field         | expectation          |
      | versionNumber | <LOCAL_LIST_VERSION> |
    When the CSMS is asked to send a SendLocalListRequest with
      | field      | value        |
      | updateType | Differential |
    Then the CSMS sends a SendLocalListRequest with
      | field                  | expectation        |
      | updateType             | Differential       |
      | localAuthorizationList | at least 1 element |
    And its versionNumber is greater than <LOCAL_LIST_VERSION>
    And no idToken appears twice in its localAuthorizationList
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_D_03_CSMS @optional @D01 @D01.FR.01 @D01.FR.06 @D01.FR.17 @D01.FR.18
  Scenario: TC_D_03_CSMS Send Local Authorization List - Differential Remove
    The CSMS removes an idToken from the station's list with a differential update whose entry
    has no idTokenInfo, numbered above the station's version. The OCTT's steps are only the
    SendLocalListRequest and its answer: the CSMS knows the version from its own last update of
    the list (D01), or may ask for it first, as in TC_D_01_CSMS; the station answers the question
    with the version it holds. The removed idToken is one the station really holds.

    Given the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                                  | status   |
      | the configured local list idToken        | Accepted |
      | the configured second local list idToken | Accepted |
    When the CSMS is asked to send a SendLocalListRequest with
      | field                                     | value                                         |
      | updateType                                | Differential                                  |
      | localAuthorizationList[0].idToken.idToken | the configured second local list idToken      |
      | localAuthorizationList[0].idToken.type    | the configured second local list idToken type |
    Then the CSMS sends a SendLocalListRequest with
      | field                                 | expectation        |
      | updateType                            | Differential       |
      | localAuthorizationList                | at least 1 element |
      | localAuthorizationList[*].idToken     | present            |
      | localAuthorizationList[*].idTokenInfo | absent             |
    And its versionNumber is greater than <LOCAL_LIST_VERSION>
    And no idToken appears twice in its localAuthorizationList
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_D_04_CSMS @optional @D01 @D01.FR.01 @D01.FR.06 @D01.FR.18
  Scenario: TC_D_04_CSMS Send Local Authorization List - Full with empty list
    The CSMS wipes the station's list with a full update without entries. The OCTT accepts the
    list left out or empty, but the schema allows no empty list (minItems 1) and every request is
    checked against it first, so only a list left out passes, the specification's way to send an
    empty full list. The operator is not asked for an empty list (no schema-valid request has
    one): the CSMS is told to keep no idTokens in the station's list, then asked for a full
    update, as a CSMS engineer would empty the list and push it. The version must still be above
    0 (D01.FR.18), which the older suite did not check.

    Given the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                                  | status   |
      | the configured local list idToken        | Accepted |
      | the configured second local list idToken | Accepted |
    And the CSMS operator applies the setting ConfigureLocalList with
      | field    | value |
      | idTokens | []    |
    When the CSMS is asked to send a SendLocalListRequest with
      | field      | value |
      | updateType | Full  |
    Then the CSMS sends a SendLocalListRequest with
      | field                  | expectation             |
      | updateType             | Full                    |
      | versionNumber          | an integer > 0          |
      | localAuthorizationList | absent or an empty list |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_D_08_CSMS @optional @D02
  Scenario: TC_D_08_CSMS Get Local List Version - Success
    The station holds a list of the configured version and reports it. That the CSMS registers the
    version can only be seen in the CSMS itself, so the OCTT does not check it.

    Given the charging station holds a local authorization list of version <LOCAL_LIST_VERSION> with
      | idToken                                  | status   |
      | the configured local list idToken        | Accepted |
      | the configured second local list idToken | Accepted |
    When the CSMS is asked to send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    And the charging station answered with
      | field         | expectation          |
      | versionNumber | <LOCAL_LIST_VERSION> |

  @TC_D_09_CSMS @optional @D02
  Scenario: TC_D_09_CSMS Get Local List Version - No list available
    The station holds no list and reports version 0. That the CSMS registers it can only be seen
    in the CSMS itself, so the OCTT does not check it.

    Given the charging station has no local authorization list
    When the CSMS is asked to send a GetLocalListVersionRequest
    Then the CSMS sends a GetLocalListVersionRequest
    And the charging station answered with
      | field         | expectation |
      | versionNumber | 0           |
