@smartCharging
Feature: K Smart Charging
  The CSMS limits the power or current a charging station offers to EVs with charging profiles:
  it sets, replaces, reports and clears them, asks for the composite schedule, hears of limits an
  external system sets, and agrees schedules with ISO 15118 EVs.

  The station plays its part as a real one does. It holds its profiles in a profile store that
  applies the specification's install rules (K01), answers GetChargingProfiles from what it holds,
  filtered exactly as asked, one ReportChargingProfilesRequest per EVSE and source (the last without
  tbc), computes its composite schedule from the profiles it holds, its EVSEs' maximum and the
  configured voltage and phases (K08), and owes a TransactionEvent ChargingRateChanged whenever a
  change of its limits moves the rate of a charging transaction by more than
  SmartChargingCtrlr.LimitChangeSignificance. Where the older suite answered from constants (a
  fixed report, Accepted to clearing nothing), the state the answer needs is set by a Given first.

  What the CSMS is asked for, it is asked through the operator, with the values the catalog's manual
  action names; the older suite checked only that stackLevel, chargingRateUnit and duration were
  present (and failed a stackLevel of 0): here every configured value is checked by value. "Now"
  is the moment of the check, with CSMS_ACTION_TIMEOUT as tolerance, since the CSMS may take that
  long to act.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_K_01_CSMS @optional @K01 @K01.FR.31
  Scenario: TC_K_01_CSMS Set Charging Profile - TxDefaultProfile - Specific EVSE
    stackLevel, validFrom, validTo, startSchedule, chargingRateUnit and duration are compared with the
    configured values and with now (the older suite only checked they were present, and a stackLevel
    of 0 failed there).

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                                     | value                                     |
      | evseId                                                                    | the configured EVSE                       |
      | chargingProfile.stackLevel                                                | the configured stack level                |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile                          |
      | chargingProfile.chargingProfileKind                                       | Absolute                                  |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit         |
      | chargingProfile.chargingSchedule[0].duration                              | the configured charging schedule duration |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 6                                         |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                                                                                 |
      | evseId                                                                    | the configured EVSE                                                                         |
      | chargingProfile.stackLevel                                                | the configured stack level                                                                  |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile                                                                            |
      | chargingProfile.chargingProfileKind                                       | Absolute                                                                                    |
      | chargingProfile.validFrom                                                 | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
      | chargingProfile.validTo                                                   | a date-time within <CSMS_ACTION_TIMEOUT> s of <now + CONFIGURED_CHARGING_SCHEDULE_DURATION s> |
      | chargingProfile.chargingSchedule[0].startSchedule                         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit                                                           |
      | chargingProfile.chargingSchedule[0].duration                              | the configured charging schedule duration                                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                                                                           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 6 or 6000                                                                                   |
    And its first charging schedule period has the configured number of phases, which may be left out when it is 3
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_02_CSMS @optional @K01
  Scenario: TC_K_02_CSMS Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE
    No transaction runs on the configured EVSE, so the station rejects the TxProfile (reason
    TxNotFound, K01.FR.09) from its own state. stackLevel and chargingRateUnit are compared with
    the configured values (the older suite only checked presence). The catalog's chargingProfile.id
    has no configuration variable; nothing checks it, as in the OCTT.

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                             |
      | evseId                                                              | the configured EVSE               |
      | chargingProfile.stackLevel                                          | the configured stack level        |
      | chargingProfile.chargingProfilePurpose                              | TxProfile                         |
      | chargingProfile.chargingProfileKind                                 | Relative                          |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                | the configured charging rate unit |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 7                                 |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                       |
      | evseId                                                                    | the configured EVSE               |
      | chargingProfile.chargingProfilePurpose                                    | TxProfile                         |
      | chargingProfile.stackLevel                                                | the configured stack level        |
      | chargingProfile.chargingProfileKind                                       | Relative                          |
      | chargingProfile.chargingSchedule[0].startSchedule                         | absent                            |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                 |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 7 or 7000                         |
    And its first charging schedule period has the configured number of phases, which may be left out when it is 3
    And the charging station answered with
      | field                 | expectation |
      | status                | Rejected    |
      | statusInfo.reasonCode | TxNotFound  |

  @TC_K_03_CSMS @optional @K01 @K01.FR.31 @K01.FR.38
  Scenario: TC_K_03_CSMS Set Charging Profile - ChargingStationMaxProfile
    stackLevel, chargingRateUnit and duration are compared with the configured values (the older
    suite only checked presence); validFrom, validTo and startSchedule must be now and now plus the
    configured duration, as the manual action asks.

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                                     |
      | evseId                                                              | 0                                         |
      | chargingProfile.stackLevel                                          | the configured stack level                |
      | chargingProfile.chargingProfilePurpose                              | ChargingStationMaxProfile                 |
      | chargingProfile.chargingProfileKind                                 | Absolute                                  |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                | the configured charging rate unit         |
      | chargingProfile.chargingSchedule[0].duration                        | the configured charging schedule duration |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 8                                         |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                                                                                 |
      | evseId                                                                    | 0                                                                                           |
      | chargingProfile.stackLevel                                                | the configured stack level                                                                  |
      | chargingProfile.chargingProfilePurpose                                    | ChargingStationMaxProfile                                                                   |
      | chargingProfile.chargingProfileKind                                       | Absolute                                                                                    |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit                                                           |
      | chargingProfile.chargingSchedule[0].duration                              | the configured charging schedule duration                                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                                                                           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 8 or 8000                                                                                   |
      | chargingProfile.validFrom                                                 | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
      | chargingProfile.validTo                                                   | a date-time within <CSMS_ACTION_TIMEOUT> s of <now + CONFIGURED_CHARGING_SCHEDULE_DURATION s> |
      | chargingProfile.chargingSchedule[0].startSchedule                         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
    And its first charging schedule period has the configured number of phases, which may be left out when it is 3
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_04_CSMS @optional
  Scenario: TC_K_04_CSMS Replace charging profile - With chargingProfileId
    The operator is asked for a TxDefaultProfile (the OCTT allows a ChargingStationMaxProfile too).
    stackLevel is compared with the configured value in both requests (the older suite only checked
    it was present, failing 0). The second request must name the first's id, purpose, kind and
    stackLevel; the station replaces the profile it holds (K01.FR.05). The recurrencyKind rule is
    applied to both requests.

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                      |
      | evseId                                                              | the configured EVSE        |
      | chargingProfile.stackLevel                                          | the configured stack level |
      | chargingProfile.chargingProfilePurpose                              | TxDefaultProfile           |
      | chargingProfile.chargingProfileKind                                 | Absolute                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 8                          |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                                 |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 8 or 8000                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod                | 1 element                                   |
      | chargingProfile.chargingSchedule[0].startSchedule                         | present                                     |
      | chargingProfile.stackLevel                                                | the configured stack level                  |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile or ChargingStationMaxProfile |
      | chargingProfile.chargingProfileKind                                       | Absolute or Recurring                       |
    And its recurrencyKind is present exactly when its chargingProfileKind is Recurring
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.id as firstProfileId
    And the charging station remembers its chargingProfile.chargingProfilePurpose as firstPurpose
    And the charging station remembers its chargingProfile.chargingProfileKind as firstKind
    And the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                      |
      | evseId                                                              | the configured EVSE        |
      | chargingProfile.id                                                  | <firstProfileId>           |
      | chargingProfile.stackLevel                                          | the configured stack level |
      | chargingProfile.chargingProfilePurpose                              | <firstPurpose>             |
      | chargingProfile.chargingProfileKind                                 | <firstKind>                |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 6                          |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                          |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 6 or 6000                  |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod                | 1 element                  |
      | chargingProfile.chargingSchedule[0].startSchedule                         | present                    |
      | chargingProfile.id                                                        | <firstProfileId>           |
      | chargingProfile.stackLevel                                                | the configured stack level |
      | chargingProfile.chargingProfilePurpose                                    | <firstPurpose>             |
      | chargingProfile.chargingProfileKind                                       | <firstKind>                |
    And its recurrencyKind is present exactly when its chargingProfileKind is Recurring
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_05_CSMS @optional @K10 @K10.FR.02
  Scenario: TC_K_05_CSMS Clear Charging Profile - With chargingProfileId
    The catalog's memory state: the station holds one profile (id 100, a TxDefaultProfile as the
    older suite reported, although the purpose statement speaks of another purpose), and the CSMS
    learns of it from the station's report. The clear must name that profile by its id (the older
    suite only checked an id was present) and no criteria.

    Given the charging station holds these charging profiles
      | evseId              | id  | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 100 | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field           | value |
      | chargingProfile | {}    |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field     | expectation  |
      | requestId | an integer   |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id | chargingProfile[0].chargingProfilePurpose |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 100                   | TxDefaultProfile                          |
    When the CSMS is asked to send a ClearChargingProfileRequest with
      | field             | value                                          |
      | chargingProfileId | <ReportChargingProfilesRequest.chargingProfile[0].id> |
    Then the CSMS sends a ClearChargingProfileRequest with
      | field                   | expectation |
      | chargingProfileId       | 100         |
      | chargingProfileCriteria | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_06_CSMS @optional @K10 @K10.FR.02
  Scenario: TC_K_06_CSMS Clear Charging Profile - With stackLevel/purpose combination for one profile
    The station holds the one profile the criteria name, so its Accepted follows from its state (the
    older suite held none and answered Accepted anyway). stackLevel is compared with the configured
    value (the older suite only checked presence, failing 0).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel                 | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | the configured stack level | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a ClearChargingProfileRequest with
      | field                                          | value                      |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfileCriteria.evseId                 | the configured EVSE        |
      | chargingProfileCriteria.stackLevel             | the configured stack level |
    Then the CSMS sends a ClearChargingProfileRequest with
      | field                                          | expectation                |
      | chargingProfileCriteria                        | present                    |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfileCriteria.stackLevel             | the configured stack level |
      | chargingProfileCriteria.evseId                 | the configured EVSE        |
      | chargingProfileId                              | absent                     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_08_CSMS @optional @K10
  Scenario: TC_K_08_CSMS Clear Charging Profile - Without previous charging profile
    The station holds no profile, so nothing matches and it answers Unknown. As in the OCTT's code,
    the request names criteria and no chargingProfileId (the purpose statement's mention of an id is
    not what the test checks). stackLevel is compared with the configured value.

    When the CSMS is asked to send a ClearChargingProfileRequest with
      | field                                          | value                      |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfileCriteria.evseId                 | the configured EVSE        |
      | chargingProfileCriteria.stackLevel             | the configured stack level |
    Then the CSMS sends a ClearChargingProfileRequest with
      | field                                          | expectation                |
      | chargingProfileCriteria                        | present                    |
      | chargingProfileCriteria.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfileCriteria.evseId                 | the configured EVSE        |
      | chargingProfileCriteria.stackLevel             | the configured stack level |
      | chargingProfileId                              | absent                     |
    And the charging station answered with
      | field  | expectation |
      | status | Unknown     |

  @TC_K_10_CSMS @optional @K01 @K01.FR.31
  Scenario: TC_K_10_CSMS Set Charging Profile - TxDefaultProfile - All EVSE
    stackLevel, chargingRateUnit and duration are compared with the configured values (the older
    suite only checked presence); validFrom, validTo and startSchedule with now.

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                                     |
      | evseId                                                              | 0                                         |
      | chargingProfile.stackLevel                                          | the configured stack level                |
      | chargingProfile.chargingProfilePurpose                              | TxDefaultProfile                          |
      | chargingProfile.chargingProfileKind                                 | Absolute                                  |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                | the configured charging rate unit         |
      | chargingProfile.chargingSchedule[0].duration                        | the configured charging schedule duration |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 6                                         |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                                                                                 |
      | evseId                                                                    | 0                                                                                           |
      | chargingProfile.stackLevel                                                | the configured stack level                                                                  |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile                                                                            |
      | chargingProfile.chargingProfileKind                                       | Absolute                                                                                    |
      | chargingProfile.validFrom                                                 | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
      | chargingProfile.validTo                                                   | a date-time within <CSMS_ACTION_TIMEOUT> s of <now + CONFIGURED_CHARGING_SCHEDULE_DURATION s> |
      | chargingProfile.chargingSchedule[0].startSchedule                         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>                                         |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit                                                           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                                                                           |
      | chargingProfile.chargingSchedule[0].duration                              | the configured charging schedule duration                                                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 6 or 6000                                                                                   |
    And its first charging schedule period has the configured number of phases, which may be left out when it is 3
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_15_CSMS @optional @K01
  Scenario: TC_K_15_CSMS Set Charging Profile - Not Supported
    The station has no smart charging (SmartChargingCtrlr.Available and Enabled false), so it
    answers with a CALLERROR NotSupported (the older suite answered so whatever its state). As the
    older code did, numberPhases may be left out when the configured number is 3; stackLevel,
    chargingRateUnit and duration are compared with the configured values. How the CSMS handles the
    CALLERROR is not observable.

    Given the charging station does not support smart charging
    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value                                     |
      | evseId                                                              | the configured EVSE                       |
      | chargingProfile.stackLevel                                          | the configured stack level                |
      | chargingProfile.chargingProfilePurpose                              | TxDefaultProfile                          |
      | chargingProfile.chargingProfileKind                                 | Absolute                                  |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                | the configured charging rate unit         |
      | chargingProfile.chargingSchedule[0].duration                        | the configured charging schedule duration |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 6                                         |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                               |
      | evseId                                                                    | the configured EVSE                       |
      | chargingProfile.stackLevel                                                | the configured stack level                |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile                          |
      | chargingProfile.chargingProfileKind                                       | Absolute                                  |
      | chargingProfile.chargingSchedule[0].startSchedule                         | present                                   |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                      | the configured charging rate unit         |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                                         |
      | chargingProfile.chargingSchedule[0].duration                              | the configured charging schedule duration |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit       | 6 or 6000                                 |
    And its first charging schedule period has the configured number of phases, which may be left out when it is 3
    And the charging station answered it with a CALLERROR NotSupported

  @TC_K_19_CSMS @optional @K01
  Scenario: TC_K_19_CSMS Set Charging Profile - ChargingProfileKind is Recurring
    No variable exists for the configured recurrencyKind: the operator is asked for Daily and the
    request must say Daily (the OCTT accepts Weekly too). stackLevel is compared with the configured
    value (the older suite only checked presence, failing 0). A Recurring profile is anchored by its
    startSchedule, which the station requires (K01.FR.40).

    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                  | value                      |
      | evseId                                 | the configured EVSE        |
      | chargingProfile.stackLevel             | the configured stack level |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfile.chargingProfileKind    | Recurring                  |
      | chargingProfile.recurrencyKind         | Daily                      |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation                |
      | evseId                                                                    | the configured EVSE        |
      | chargingProfile.stackLevel                                                | the configured stack level |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                          |
      | chargingProfile.chargingProfileKind                                       | Recurring                  |
      | chargingProfile.recurrencyKind                                            | Daily                      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_29_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_29_CSMS Get Charging Profile - EvseId 0
    The station holds the station-wide TxDefaultProfile it reports. No variable exists for the
    configured chargingProfilePurpose: the operator is asked for TxDefaultProfile and the request
    must name it (the older suite only checked presence).

    Given the charging station holds these charging profiles
      | evseId | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | 0      | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    And the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                                  | value            |
      | evseId                                 | 0                |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation      |
      | evseId                                 | 0                |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile |
      | chargingProfile.stackLevel             | absent           |
      | chargingProfile.chargingLimitSource    | absent           |
      | chargingProfile.chargingProfileId      | absent           |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId | tbc    | chargingProfile[0].id | chargingProfile[0].chargingProfilePurpose |
      | <GetChargingProfilesRequest.requestId> | CSO                 | 0      | absent | 1                     | TxDefaultProfile                          |

  @TC_K_30_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_30_CSMS Get Charging Profile - EvseId > 0
    evseId must be the configured EVSE (the older suite accepted any evseId > 0); the purpose must
    be the TxDefaultProfile the operator was asked for (the older suite only checked presence).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile    |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile    |
      | chargingProfile.stackLevel             | absent              |
      | chargingProfile.chargingLimitSource    | absent              |
      | chargingProfile.chargingProfileId      | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 1                     |

  @TC_K_31_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_31_CSMS Get Charging Profile - No EvseId
    Without an evseId the station reports every EVSE (evseId 0 included) that holds a matching
    profile, one report each, every one but the last with tbc true (the older suite sent EVSE 1 twice).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | 0                   | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
      | the configured EVSE | 2  | 2          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                                  | value            |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation      |
      | evseId                                 | absent           |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile |
      | chargingProfile.stackLevel             | absent           |
      | chargingProfile.chargingLimitSource    | absent           |
      | chargingProfile.chargingProfileId      | absent           |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequests it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id |
      | <GetChargingProfilesRequest.requestId> | CSO                 | 0                   | true   | 1                     |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 2                     |

  @TC_K_32_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_32_CSMS Get Charging Profile - chargingProfileId
    The operator is asked for the profile the station holds, by its id; the request must name that id
    (the older suite, with no id to compare, only checked presence).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                             | value |
      | chargingProfile.chargingProfileId | [1]   |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation |
      | chargingProfile.chargingProfileId      | [1]         |
      | requestId                              | an integer  |
      | evseId                                 | absent      |
      | chargingProfile.chargingProfilePurpose | absent      |
      | chargingProfile.stackLevel             | absent      |
      | chargingProfile.chargingLimitSource    | absent      |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 1                     |

  @TC_K_33_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_33_CSMS Get Charging Profile - EvseId > 0 + stackLevel
    evseId and stackLevel must be the configured values (the older suite checked evseId > 0 and that
    a stackLevel was present). The station reports the profile of that stackLevel it holds.

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel                 | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | the configured stack level | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                      | value                      |
      | evseId                     | the configured EVSE        |
      | chargingProfile.stackLevel | the configured stack level |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation                |
      | evseId                                 | the configured EVSE        |
      | chargingProfile.stackLevel             | the configured stack level |
      | chargingProfile.chargingProfilePurpose | absent                     |
      | chargingProfile.chargingLimitSource    | absent                     |
      | chargingProfile.chargingProfileId      | absent                     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].stackLevel |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | the configured stack level    |

  @TC_K_34_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_34_CSMS Get Charging Profile - EvseId > 0 + chargingLimitSource
    No variable exists for the configured chargingLimitSource: the operator is asked for CSO, the
    source of what a CSMS installs, and the request must name exactly that (the older suite only
    checked presence, and evseId > 0).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                               | value               |
      | evseId                              | the configured EVSE |
      | chargingProfile.chargingLimitSource | ["CSO"]             |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingLimitSource    | ["CSO"]             |
      | chargingProfile.stackLevel             | absent              |
      | chargingProfile.chargingProfilePurpose | absent              |
      | chargingProfile.chargingProfileId      | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 1                     |

  @TC_K_35_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_35_CSMS Get Charging Profile - EvseId > 0 + chargingProfilePurpose
    As TC_K_30: evseId must be the configured EVSE and the purpose the TxDefaultProfile asked for
    (the older suite checked evseId > 0 and presence).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | 1          | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile    |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile    |
      | chargingProfile.stackLevel             | absent              |
      | chargingProfile.chargingLimitSource    | absent              |
      | chargingProfile.chargingProfileId      | absent              |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].chargingProfilePurpose |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | TxDefaultProfile                          |

  @TC_K_36_CSMS @optional @K09 @K09.FR.03
  Scenario: TC_K_36_CSMS Get Charging Profile - EvseId > 0 + chargingProfilePurpose + stackLevel
    evseId, purpose and stackLevel must be the values asked for (the older suite checked evseId > 0
    and presence).

    Given the charging station holds these charging profiles
      | evseId              | id | stackLevel                 | chargingProfilePurpose | chargingProfileKind | chargingRateUnit | limit |
      | the configured EVSE | 1  | the configured stack level | TxDefaultProfile       | Absolute            | A                | 6     |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                                  | value                      |
      | evseId                                 | the configured EVSE        |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfile.stackLevel             | the configured stack level |
    Then the CSMS sends a GetChargingProfilesRequest with
      | field                                  | expectation                |
      | evseId                                 | the configured EVSE        |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile           |
      | chargingProfile.stackLevel             | the configured stack level |
      | chargingProfile.chargingLimitSource    | absent                     |
      | chargingProfile.chargingProfileId      | absent                     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].id |
      | <GetChargingProfilesRequest.requestId> | CSO                 | the configured EVSE | absent | 1                     |

  @TC_K_37_CSMS @optional @K05 @F01 @K05.FR.02 @F01.FR.08 @F01.FR.09 @F01.FR.11
  Scenario: TC_K_37_CSMS Remote start transaction with charging profile - Success
    The station does not ask the CSMS to authorize a remote start (AuthCtrlr.AuthorizeRemoteStart
    false), so, as in the OCTT, no AuthorizeRequest comes between the request and the Started event.
    The request's profile becomes the TxProfile of the transaction that starts, with its
    transactionId filled in (F01.FR.09–11). The Started event names the idToken of the request, as a
    station's first event after an authorization does (the older suite sent none). The
    startSchedule rule is checked on the request's first chargingSchedule. No EV is plugged in yet
    (remote start first, F02), so the station may not know the connector yet and leaves
    evse.connectorId out (the older suite always sent it).

    Given the charging station is configured with AuthCtrlr.AuthorizeRemoteStart = false
    When the CSMS is asked to send a RequestStartTransactionRequest with
      | field                                                               | value                             |
      | evseId                                                              | the configured EVSE               |
      | idToken.idToken                                                     | the configured valid idToken      |
      | idToken.type                                                        | the configured valid idToken type |
      | chargingProfile.id                                                  | 37                                |
      | chargingProfile.stackLevel                                          | the configured stack level        |
      | chargingProfile.chargingProfilePurpose                              | TxProfile                         |
      | chargingProfile.chargingProfileKind                                 | Relative                          |
      | chargingProfile.chargingSchedule[0].id                              | 37                                |
      | chargingProfile.chargingSchedule[0].chargingRateUnit                | the configured charging rate unit |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                           |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 16                                |
    Then the CSMS sends a RequestStartTransactionRequest with
      | field                                  | expectation                       |
      | idToken.idToken                        | the configured valid idToken      |
      | idToken.type                           | the configured valid idToken type |
      | evseId                                 | the configured EVSE               |
      | chargingProfile                        | present                           |
      | chargingProfile.chargingProfilePurpose | TxProfile                         |
      | chargingProfile.transactionId          | absent                            |
      | chargingProfile.chargingProfileKind    | Relative or Absolute              |
      | remoteStartId                          | an integer                        |
    And its startSchedule is absent for a Relative profile and present for an Absolute one
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station starts the transaction the CSMS requested
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason | transactionInfo.transactionId | transactionInfo.remoteStartId                  | evse.id             | evse.connectorId                   |
      | Started   | RemoteStart   | <transactionId>               | <RequestStartTransactionRequest.remoteStartId> | the configured EVSE | the configured connector or absent |
    And the charging station runs transaction "<transactionId>" under the TxProfile of that request

  @TC_K_43_CSMS @optional @K08 @K08.FR.01
  Scenario: TC_K_43_CSMS Get Composite Schedule - Specific EVSE
    The composite schedule is asked of the configured EVSE (the older suite fixed EVSE 1), for the
    configured duration and chargingRateUnit, compared by value (the older suite checked presence).
    The station computes its answer: it holds a ChargingStationMaxProfile of 10 A (the limit the
    OCTT answers with), below its EVSE's own 22 kW; in W that is 10 A x the configured voltage and
    phases (the older suite's 10000 W matched no voltage). Its duration is the one asked for.

    Given the charging station holds these charging profiles
      | evseId | id | stackLevel | chargingProfilePurpose    | chargingProfileKind | chargingRateUnit | limit |
      | 0      | 1  | 1          | ChargingStationMaxProfile | Absolute            | A                | 10    |
    When the CSMS is asked to send a GetCompositeScheduleRequest with
      | field            | value                                     |
      | evseId           | the configured EVSE                       |
      | duration         | the configured charging schedule duration |
      | chargingRateUnit | the configured charging rate unit         |
    Then the CSMS sends a GetCompositeScheduleRequest with
      | field            | expectation                               |
      | evseId           | the configured EVSE                       |
      | duration         | the configured charging schedule duration |
      | chargingRateUnit | the configured charging rate unit         |
    And the charging station answered with
      | field                                        | expectation                                         |
      | status                                       | Accepted                                            |
      | schedule.evseId                              | the configured EVSE                                 |
      | schedule.duration                            | the configured charging schedule duration           |
      | schedule.scheduleStart                       | a date-time within <CSMS_ACTION_TIMEOUT> s of <now> |
      | schedule.chargingRateUnit                    | the configured charging rate unit                   |
      | schedule.chargingSchedulePeriod[0].startPeriod | 0                                                 |
      | schedule.chargingSchedulePeriod[0].limit     | 10 or 6900                                          |

  @TC_K_44_CSMS @optional @K08 @K08.FR.01
  Scenario: TC_K_44_CSMS Get Composite Schedule - Charging Station
    As TC_K_43 for the whole station (evseId 0): the station-wide view is its ChargingStationMaxProfile
    of 10 A under the sum of its EVSEs' maxima. duration and chargingRateUnit are compared by value.

    Given the charging station holds these charging profiles
      | evseId | id | stackLevel | chargingProfilePurpose    | chargingProfileKind | chargingRateUnit | limit |
      | 0      | 1  | 1          | ChargingStationMaxProfile | Absolute            | A                | 10    |
    When the CSMS is asked to send a GetCompositeScheduleRequest with
      | field            | value                                     |
      | evseId           | 0                                         |
      | duration         | the configured charging schedule duration |
      | chargingRateUnit | the configured charging rate unit         |
    Then the CSMS sends a GetCompositeScheduleRequest with
      | field            | expectation                               |
      | evseId           | 0                                         |
      | duration         | the configured charging schedule duration |
      | chargingRateUnit | the configured charging rate unit         |
    And the charging station answered with
      | field                                          | expectation                                         |
      | status                                         | Accepted                                            |
      | schedule.evseId                                | 0                                                   |
      | schedule.duration                              | the configured charging schedule duration           |
      | schedule.scheduleStart                         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now> |
      | schedule.chargingRateUnit                      | the configured charging rate unit                   |
      | schedule.chargingSchedulePeriod[0].startPeriod | 0                                                   |
      | schedule.chargingSchedulePeriod[0].limit       | 10 or 6900                                          |

  @TC_K_48_CSMS @optional @K12
  Scenario: TC_K_48_CSMS Set / Update External Charging Limit (not on a transaction)
    As in the OCTT the notification names only its source: no evseId, no schedule, not grid
    critical. The CSMS must answer with a schema-valid NotifyChargingLimitResponse (it has no
    fields) within OCPP_CALL_TIMEOUT, else the step fails.

    When the charging station sends a NotifyChargingLimitRequest with
      | field                             | value |
      | chargingLimit.chargingLimitSource | EMS   |

  @TC_K_50_CSMS @optional @K13
  Scenario: TC_K_50_CSMS Reset / release external charging limit - Without ongoing transaction
    The energy management system had limited the station before the scenario (its notification is
    not part of the test, as in the OCTT); it now releases that limit. The station-wide limit names
    no EVSE. No transaction runs, so no rate changes.

    Given an energy management system has limited the whole charging station to 16 A
    When the energy management system releases its charging limits
    Then the charging station sent a ClearedChargingLimitRequest with
      | field               | expectation |
      | chargingLimitSource | EMS         |
      | evseId              | absent      |

  @TC_K_51_CSMS @optional @K13
  Scenario: TC_K_51_CSMS Reset / release external charging limit - With ongoing transaction
    The station-wide EMS limit of 16 A held the charging transaction below its EVSE's maximum;
    released, the rate rises by more than LimitChangeSignificance, so the station owes a
    TransactionEvent ChargingRateChanged (step 3). Authorized runs before EnergyTransferStarted, as
    the older code did.

    Given an energy management system has limited the whole charging station to 16 A
    And the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the energy management system releases its charging limits
    Then the charging station sent a ClearedChargingLimitRequest with
      | field               | expectation |
      | chargingLimitSource | EMS         |
      | evseId              | absent      |
    When the charging station sends the TransactionEventRequest it owes
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Updated   | ChargingRateChanged | <transactionId>               | Charging                      | the configured EVSE | the configured connector |

  @TC_K_52_CSMS @optional @K12
  Scenario: TC_K_52_CSMS Set / Update External Charging Limit - ChargingStationExternalConstraints in report
    Step 0 of the older code: the EMS limits the configured EVSE to 16 A and the station notifies
    the CSMS; a real station names the EVSE and the schedule it now keeps (the older code sent the
    source alone). The report then comes from the station's state: the limit is a
    ChargingStationExternalConstraints profile of stackLevel 0 from source EMS, with the startSchedule
    an Absolute profile needs.

    When an energy management system limits the configured EVSE to 16 A
    Then the charging station sent a NotifyChargingLimitRequest with
      | field                             | expectation         |
      | chargingLimit.chargingLimitSource | EMS                 |
      | evseId                            | the configured EVSE |
    When the CSMS is asked to send a GetChargingProfilesRequest with
      | field                               | value               |
      | evseId                              | the configured EVSE |
      | chargingProfile.chargingLimitSource | ["EMS"]             |
    Then the CSMS sends a GetChargingProfilesRequest
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the ReportChargingProfilesRequest it owes
    Then the charging station reported its charging profiles in these ReportChargingProfilesRequests
      | requestId                            | chargingLimitSource | evseId              | tbc    | chargingProfile[0].stackLevel | chargingProfile[0].chargingProfilePurpose | chargingProfile[0].chargingSchedule[0].chargingSchedulePeriod[0].limit |
      | <GetChargingProfilesRequest.requestId> | EMS                 | the configured EVSE | absent | 0                             | ChargingStationExternalConstraints        | 16                                                                      |

  @TC_K_53_CSMS @optional @K15 @K15.FR.02 @K15.FR.03 @K15.FR.05 @K15.FR.07 @K15.FR.11
  Scenario: TC_K_53_CSMS Charging with load leveling based on High Level Communication - Success
    The main part is the reusable state ISO15118SmartCharging, written out. The CSMS sets the
    TxProfile on its own, in answer to the EV's needs (no operator). The CSMS's TxProfile is checked
    (purpose, transactionId, evseId; the older suite did not), and so is the Accepted of step 6.
    The station keeps one transactionId from the plug-in on (the older suite changed it after
    EVConnectedPreSession). The OCTT's 5 s wait for a further SetChargingProfileRequest runs on the
    station's clock (TIME_SCALE).

    Given the charging station is in state EVConnectedPreSession
    And the charging station is in state Authorized
    When the EV states its charging needs over ISO 15118 with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | maxScheduleTuples                      | 10                  |
      | chargingNeeds.requestedEnergyTransfer  | AC_three_phase      |
    Then the CSMS responds with
      | field  | expectation            |
      | status | Accepted or Processing |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the charging station sent a NotifyEVChargingScheduleRequest with
      | field            | expectation                                                   |
      | timeBase         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>           |
      | evseId           | the configured EVSE                                           |
      | chargingSchedule | <offeredSchedule> |
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Updated   | ChargingStateChanged | <transactionId>               | Charging                      | the configured EVSE | the configured connector |
    And the CSMS sends no other SetChargingProfileRequest within 5 seconds of the station's clock

  @TC_K_55_CSMS @optional @K15 @K16 @K17 @K15.FR.12 @K15.FR.13 @K16.FR.07 @K16.FR.08 @K17.FR.12 @K17.FR.13
  Scenario: TC_K_55_CSMS Charging with load leveling - EV charging profile exceeds limits
    The EV asks twice every limit of the first TxProfile; the CSMS must reject that schedule and
    renegotiate on its own with a new TxProfile for the transaction (K15.FR.13). The reference CSMS
    offers what the EV asked, as far as its EVSE capacity allows, replacing its first TxProfile. The
    new profile moves the charging rate, so the station owes the TransactionEvent
    ChargingRateChanged of steps 13–14 (the older suite stopped after step 12).

    Given the charging station is in state EVConnectedPreSession
    And the charging station is in state Authorized
    And the EV will ask twice the limits of the next charging schedule it receives
    When the EV states its charging needs over ISO 15118 with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | maxScheduleTuples                      | 10                  |
      | chargingNeeds.requestedEnergyTransfer  | AC_three_phase      |
    Then the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the EV asked twice every limit of "<offeredSchedule>" in that NotifyEVChargingScheduleRequest
    And the CSMS responds with
      | field  | expectation |
      | status | Rejected    |
    When the EV starts charging
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason        | transactionInfo.transactionId | transactionInfo.chargingState | evse.id             | evse.connectorId         |
      | Updated   | ChargingStateChanged | <transactionId>               | Charging                      | the configured EVSE | the configured connector |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the charging station sent a NotifyEVChargingScheduleRequest with
      | field            | expectation                                                   |
      | evseId           | the configured EVSE                                           |
      | chargingSchedule | <offeredSchedule> |
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the TransactionEventRequest it owes
    Then the charging station sent these TransactionEventRequests
      | eventType | triggerReason       | transactionInfo.transactionId |
      | Updated   | ChargingRateChanged | <transactionId>               |

  @TC_K_57_CSMS @optional @K17 @K17.FR.02 @K17.FR.03 @K17.FR.05 @K17.FR.07 @K17.FR.11
  Scenario: TC_K_57_CSMS Renegotiating a Charging Schedule - Initiated by EV
    The EV states the same needs again while charging; the CSMS must answer with a TxProfile for the
    running transaction (checked here, the older suite did not) and accept the EV's schedule.

    Given the charging station is in state EVConnectedPreSession
    And the charging station is in state Authorized
    And the charging station is in state ISO15118SmartCharging
    When the EV states its charging needs over ISO 15118 with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | maxScheduleTuples                      | 10                  |
      | chargingNeeds.requestedEnergyTransfer  | AC_three_phase      |
    Then the CSMS responds with
      | field  | expectation            |
      | status | Accepted or Processing |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the charging station sent a NotifyEVChargingScheduleRequest with
      | field            | expectation                                                   |
      | timeBase         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>           |
      | evseId           | the configured EVSE                                           |
      | chargingSchedule | <offeredSchedule> |
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_58_CSMS @optional @K16 @K16.FR.06
  Scenario: TC_K_58_CSMS Renegotiating a Charging Schedule - Initiated by CSMS
    The operator makes the CSMS renegotiate with a new TxProfile of 10 A for the running transaction
    (the CSMS replaces its TxProfile of that stackLevel); the EV adopts it.

    Given the charging station is in state EVConnectedPreSession
    And the charging station is in state Authorized
    And the charging station is in state ISO15118SmartCharging
    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value               |
      | evseId                                                              | the configured EVSE |
      | chargingProfile.chargingProfilePurpose                              | TxProfile           |
      | chargingProfile.transactionId                                       | <transactionId>     |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 10                  |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the charging station sent a NotifyEVChargingScheduleRequest with
      | field            | expectation                                                   |
      | timeBase         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>           |
      | evseId           | the configured EVSE                                           |
      | chargingSchedule | <offeredSchedule> |
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_59_CSMS @optional @K16 @K16.FR.12
  Scenario: TC_K_59_CSMS Renegotiating a Charging Schedule - Initiated by CSMS - Send NotifyEVChargingNeeds
    The EV answers the CSMS's renegotiation by stating its needs again (K16.FR.12), so the station
    sends no schedule after step 1; the CSMS must follow with a TxProfile of its own (step 5).

    Given the charging station is in state EVConnectedPreSession
    And the charging station is in state Authorized
    And the charging station is in state ISO15118SmartCharging
    And the EV will renegotiate its charging needs when it receives a new charging schedule
    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                                               | value               |
      | evseId                                                              | the configured EVSE |
      | chargingProfile.chargingProfilePurpose                              | TxProfile           |
      | chargingProfile.transactionId                                       | <transactionId>     |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].limit | 10                  |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station sends the NotifyEVChargingNeedsRequest it owes
    Then the charging station sent a NotifyEVChargingNeedsRequest with
      | field                                 | expectation         |
      | evseId                                | the configured EVSE |
      | maxScheduleTuples                     | 10                  |
      | chargingNeeds.requestedEnergyTransfer | AC_three_phase      |
    And the CSMS responds with
      | field  | expectation            |
      | status | Accepted or Processing |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                  | expectation         |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.chargingSchedule[0] as offeredSchedule
    And the charging station forwards the EV's charging schedule it owes
    Then the charging station sent a NotifyEVChargingScheduleRequest with
      | field            | expectation                                                   |
      | timeBase         | a date-time within <CSMS_ACTION_TIMEOUT> s of <now>           |
      | evseId           | the configured EVSE                                           |
      | chargingSchedule | <offeredSchedule> |
    And the CSMS responds with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_60_CSMS @optional @K01 @K01.FR.03 @K01.FR.31
  Scenario: TC_K_60_CSMS Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE
    evseId is a field of the request (the docstring's chargingProfile.evseId is not OCPP 2.0.1).
    Authorized runs before EnergyTransferStarted, as the older code did.

    Given the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxProfile           |
      | chargingProfile.transactionId          | <transactionId>     |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation          |
      | chargingProfile.chargingProfilePurpose                                    | TxProfile            |
      | evseId                                                                    | the configured EVSE  |
      | chargingProfile.transactionId                                             | <transactionId>      |
      | chargingProfile.chargingProfileKind                                       | Relative or Absolute |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                    |
    And its startSchedule is absent for a Relative profile and present for an Absolute one
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |

  @TC_K_70_CSMS @optional
  Scenario: TC_K_70_CSMS Set Charging Profile - Multiple Profiles
    The two requests are the first two SetChargingProfileRequests, in arrival order, as in the OCTT.
    Authorized runs before EnergyTransferStarted, as the older code did.

    Given the charging station is in state Authorized
    And the charging station is in state EnergyTransferStarted
    When the CSMS is asked to send a SetChargingProfileRequest with
      | field                                  | value               |
      | evseId                                 | the configured EVSE |
      | chargingProfile.chargingProfilePurpose | TxDefaultProfile    |
      | chargingProfile.chargingProfileKind    | Absolute            |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation           |
      | chargingProfile.chargingProfilePurpose                                    | TxDefaultProfile      |
      | chargingProfile.chargingProfileKind                                       | Absolute or Recurring |
      | chargingProfile.chargingSchedule[0].startSchedule                         | present               |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                     |
    And its recurrencyKind is present exactly when its chargingProfileKind is Recurring
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
    When the charging station remembers its chargingProfile.id as firstProfileId
    And the CSMS is asked to send a SetChargingProfileRequest with
      | field                                  | value                     |
      | evseId                                 | 0                         |
      | chargingProfile.chargingProfilePurpose | ChargingStationMaxProfile |
      | chargingProfile.chargingProfileKind    | Absolute                  |
    Then the CSMS sends a SetChargingProfileRequest with
      | field                                                                     | expectation               |
      | chargingProfile.id                                                        | not <firstProfileId>      |
      | chargingProfile.chargingProfilePurpose                                    | ChargingStationMaxProfile |
      | chargingProfile.chargingProfileKind                                       | Absolute                  |
      | chargingProfile.chargingSchedule[0].startSchedule                         | present                   |
      | chargingProfile.chargingSchedule[0].chargingSchedulePeriod[0].startPeriod | 0                         |
    And the charging station answered with
      | field  | expectation |
      | status | Accepted    |
