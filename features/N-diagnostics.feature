@diagnostics
Feature: N Diagnostics
  The CSMS reads and changes what a charging station monitors, receives the events its monitors
  raise, has it upload its logs, and asks for or clears what it holds about a customer.

  The suite plays a real charging station: it answers from its own monitor store and device
  model, a monitor fires because its variable really changed or its interval really passed on the
  station clock, logs are uploaded to the suite's loopback log server, and customer data is what
  the station really holds (list entries, transactions, its customer register). Every follow-up
  the station owes (a report part, a LogStatusNotification, an event) is sent by an explicit step.

  Background:
    Given the charging station is booted and all its connectors are Available

  Rule: Monitoring reports list the monitors the station holds, filtered as the CSMS asks

    @TC_N_01_CSMS @optional @N02 @N02.FR.05 @N02.FR.10
    Scenario: TC_N_01_CSMS Get Monitoring Report - with monitoringCriteria
      The station holds one threshold monitor, so a report of delta monitors is empty and a report
      of threshold monitors lists it. Other criteria may be listed too (the OCTT code accepts it).

      Given the charging station has these monitors
        | id | kind          | component       | evse | variable | type           | value | severity |
        | 1  | Preconfigured | ChargingStation |      | Power    | UpperThreshold | 100   | 5        |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field              | value               |
        | monitoringCriteria | ["DeltaMonitoring"] |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation              |
        | requestId          | an integer >= 0          |
        | monitoringCriteria | contains DeltaMonitoring |
        | componentVariable  | absent                   |
      And the charging station answered with
        | field  | expectation    |
        | status | EmptyResultSet |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field              | value                   |
        | monitoringCriteria | ["ThresholdMonitoring"] |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation                  |
        | monitoringCriteria | contains ThresholdMonitoring |
        | componentVariable  | absent                       |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyMonitoringReportRequest it owes
      Then the charging station sent a NotifyMonitoringReportRequest with
        | field                                        | expectation                            |
        | requestId                                    | <GetMonitoringReportRequest.requestId> |
        | seqNo                                        | 0                                      |
        | tbc                                          | false                                  |
        | monitor                                      | 1 element                              |
        | monitor[0].component.name                    | ChargingStation                        |
        | monitor[0].variable.name                     | Power                                  |
        | monitor[0].variableMonitoring[0].id          | 1                                      |
        | monitor[0].variableMonitoring[0].transaction | false                                  |
        | monitor[0].variableMonitoring[0].value       | 100                                    |
        | monitor[0].variableMonitoring[0].type        | UpperThreshold                         |
        | monitor[0].variableMonitoring[0].severity    | 5                                      |

    @TC_N_02_CSMS @optional @N02 @N02.FR.05 @N02.FR.10
    Scenario: TC_N_02_CSMS Get Monitoring Report - with component/variable
      The station monitors only its EVSE's AvailabilityState, so a report for ChargingStation Power
      is empty. The EVSE is the configured EVSE (the OCTT writes 1, the default). The entry of the
      second request may stand at any position among others (the OCTT code accepts it; its
      docstring's componentVariable[1] is read as "an entry").

      Given the charging station has these monitors
        | id | kind          | component | evse                | variable          | type  | value | severity |
        | 1  | Preconfigured | EVSE      | the configured EVSE | AvailabilityState | Delta | 0     | 5        |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                               | value           |
        | componentVariable[0].component.name | ChargingStation |
        | componentVariable[0].variable.name  | Power           |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation |
        | monitoringCriteria | absent      |
      And its componentVariable has an element with
        | field          | expectation     |
        | component.name | ChargingStation |
        | variable.name  | Power           |
      And the charging station answered with
        | field  | expectation    |
        | status | EmptyResultSet |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                                  | value               |
        | componentVariable[0].component.name    | EVSE                |
        | componentVariable[0].component.evse.id | the configured EVSE |
        | componentVariable[0].variable.name     | AvailabilityState   |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation |
        | monitoringCriteria | absent      |
      And its componentVariable has an element with
        | field               | expectation         |
        | component.name      | EVSE                |
        | component.evse.id   | the configured EVSE |
        | variable.name       | AvailabilityState   |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyMonitoringReportRequest it owes
      Then the charging station sent a NotifyMonitoringReportRequest with
        | field                                        | expectation                            |
        | requestId                                    | <GetMonitoringReportRequest.requestId> |
        | seqNo                                        | 0                                      |
        | tbc                                          | false                                  |
        | monitor                                      | 1 element                              |
        | monitor[0].component.name                    | EVSE                                   |
        | monitor[0].component.evse.id                 | the configured EVSE                    |
        | monitor[0].variable.name                     | AvailabilityState                      |
        | monitor[0].variableMonitoring[0].id          | 1                                      |
        | monitor[0].variableMonitoring[0].transaction | false                                  |
        | monitor[0].variableMonitoring[0].value       | 0                                      |
        | monitor[0].variableMonitoring[0].type        | Delta                                  |
        | monitor[0].variableMonitoring[0].severity    | 5                                      |

    @TC_N_03_CSMS @optional @N02 @N02.FR.05 @N02.FR.10
    Scenario: TC_N_03_CSMS Get Monitoring Report - with component criteria and component/variable
      The station has no delta monitor on its EVSE and a threshold monitor on ChargingStation Power.

      Given the charging station has these monitors
        | id | kind          | component       | evse | variable | type           | value | severity |
        | 1  | Preconfigured | ChargingStation |      | Power    | UpperThreshold | 100   | 5        |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                                  | value               |
        | monitoringCriteria                     | ["DeltaMonitoring"] |
        | componentVariable[0].component.name    | EVSE                |
        | componentVariable[0].component.evse.id | the configured EVSE |
        | componentVariable[0].variable.name     | AvailabilityState   |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field                                  | expectation              |
        | monitoringCriteria                     | contains DeltaMonitoring |
        | componentVariable[0].component.name    | EVSE                     |
        | componentVariable[0].component.evse.id | the configured EVSE      |
        | componentVariable[0].variable.name     | AvailabilityState        |
      And the charging station answered with
        | field  | expectation    |
        | status | EmptyResultSet |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                               | value                   |
        | monitoringCriteria                  | ["ThresholdMonitoring"] |
        | componentVariable[0].component.name | ChargingStation         |
        | componentVariable[0].variable.name  | Power                   |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field                               | expectation                  |
        | monitoringCriteria                  | contains ThresholdMonitoring |
        | componentVariable[0].component.name | ChargingStation              |
        | componentVariable[0].variable.name  | Power                        |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyMonitoringReportRequest it owes
      Then the charging station sent a NotifyMonitoringReportRequest with
        | field                                        | expectation                            |
        | requestId                                    | <GetMonitoringReportRequest.requestId> |
        | seqNo                                        | 0                                      |
        | tbc                                          | false                                  |
        | monitor[0].component.name                    | ChargingStation                        |
        | monitor[0].variable.name                     | Power                                  |
        | monitor[0].variableMonitoring[0].id          | 1                                      |
        | monitor[0].variableMonitoring[0].transaction | false                                  |
        | monitor[0].variableMonitoring[0].value       | 100                                    |
        | monitor[0].variableMonitoring[0].type        | UpperThreshold                         |
        | monitor[0].variableMonitoring[0].severity    | 5                                      |

    @TC_N_47_CSMS @optional @N02
    Scenario: TC_N_47_CSMS Get Monitoring report - Report all
      Without a filter the station reports every active monitor; it holds one, so one part.

      Given the charging station has these monitors
        | id | kind          | component       | evse | variable | type           | value | severity |
        | 1  | Preconfigured | ChargingStation |      | Power    | UpperThreshold | 100   | 5        |
      When the CSMS is asked to send a GetMonitoringReportRequest
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation |
        | monitoringCriteria | absent      |
        | componentVariable  | absent      |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyMonitoringReportRequest it owes
      Then the charging station sent a NotifyMonitoringReportRequest with
        | field                                        | expectation                            |
        | requestId                                    | <GetMonitoringReportRequest.requestId> |
        | seqNo                                        | 0                                      |
        | tbc                                          | false                                  |
        | monitor[0].component.name                    | ChargingStation                        |
        | monitor[0].variable.name                     | Power                                  |
        | monitor[0].variableMonitoring[0].id          | 1                                      |
        | monitor[0].variableMonitoring[0].transaction | false                                  |
        | monitor[0].variableMonitoring[0].value       | 100                                    |
        | monitor[0].variableMonitoring[0].type        | UpperThreshold                         |
        | monitor[0].variableMonitoring[0].severity    | 5                                      |

    @TC_N_60_CSMS @optional @N02 @N02.FR.05 @N02.FR.10
    Scenario: TC_N_60_CSMS Get Monitoring Report - with component criteria and list of components/variables
      The catalog's flow is kept: the station's two pre-configured UpperThreshold monitors on
      AvailabilityState (a manufacturer's choice; a CSMS could not set a threshold on this
      non-numeric variable, the station would answer UnsupportedMonitorType). Both pairs must be
      requested, in either order (the OCTT code's reading of the docstring's indexes); the report
      lists them in the order they were asked for.

      Given the charging station has these monitors
        | id | kind          | component       | evse                | variable          | type           | value | severity |
        | 1  | Preconfigured | ChargingStation |                     | AvailabilityState | UpperThreshold | 100   | 5        |
        | 2  | Preconfigured | EVSE            | the configured EVSE | AvailabilityState | UpperThreshold | 100   | 5        |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                                  | value               |
        | monitoringCriteria                     | ["DeltaMonitoring"] |
        | componentVariable[0].component.name    | ChargingStation     |
        | componentVariable[0].variable.name     | AvailabilityState   |
        | componentVariable[1].component.name    | EVSE                |
        | componentVariable[1].component.evse.id | the configured EVSE |
        | componentVariable[1].variable.name     | AvailabilityState   |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation              |
        | monitoringCriteria | contains DeltaMonitoring |
      And its componentVariable has an element with
        | field          | expectation       |
        | component.name | ChargingStation   |
        | variable.name  | AvailabilityState |
      And its componentVariable has an element with
        | field             | expectation         |
        | component.name    | EVSE                |
        | component.evse.id | the configured EVSE |
        | variable.name     | AvailabilityState   |
      And the charging station answered with
        | field  | expectation    |
        | status | EmptyResultSet |
      When the CSMS is asked to send a GetMonitoringReportRequest with
        | field                                  | value                   |
        | monitoringCriteria                     | ["ThresholdMonitoring"] |
        | componentVariable[0].component.name    | ChargingStation         |
        | componentVariable[0].variable.name     | AvailabilityState       |
        | componentVariable[1].component.name    | EVSE                    |
        | componentVariable[1].component.evse.id | the configured EVSE     |
        | componentVariable[1].variable.name     | AvailabilityState       |
      Then the CSMS sends a GetMonitoringReportRequest with
        | field              | expectation                  |
        | monitoringCriteria | contains ThresholdMonitoring |
      And its componentVariable has an element with
        | field          | expectation       |
        | component.name | ChargingStation   |
        | variable.name  | AvailabilityState |
      And its componentVariable has an element with
        | field             | expectation         |
        | component.name    | EVSE                |
        | component.evse.id | the configured EVSE |
        | variable.name     | AvailabilityState   |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyMonitoringReportRequest it owes
      Then the charging station sent a NotifyMonitoringReportRequest with
        | field                                        | expectation                            |
        | requestId                                    | <GetMonitoringReportRequest.requestId> |
        | seqNo                                        | 0                                      |
        | tbc                                          | false                                  |
        | monitor                                      | 2 elements                             |
        | monitor[0].component.name                    | ChargingStation                        |
        | monitor[0].variable.name                     | AvailabilityState                      |
        | monitor[0].variableMonitoring[0].id          | 1                                      |
        | monitor[0].variableMonitoring[0].transaction | false                                  |
        | monitor[0].variableMonitoring[0].value       | 100                                    |
        | monitor[0].variableMonitoring[0].type        | UpperThreshold                         |
        | monitor[0].variableMonitoring[0].severity    | 5                                      |
        | monitor[1].component.name                    | EVSE                                   |
        | monitor[1].component.evse.id                 | the configured EVSE                    |
        | monitor[1].variable.name                     | AvailabilityState                      |
        | monitor[1].variableMonitoring[0].id          | 2                                      |
        | monitor[1].variableMonitoring[0].value       | 100                                    |
        | monitor[1].variableMonitoring[0].type        | UpperThreshold                         |
        | monitor[1].variableMonitoring[0].severity    | 5                                      |

  Rule: The CSMS sets monitors, the monitoring base and the monitoring level; the station's store changes

    @TC_N_05_CSMS @optional @N03 @N03.FR.03 @N03.FR.04 @N03.FR.05
    Scenario: TC_N_05_CSMS Set Monitoring Base - success
      After each base the station's monitors in effect are checked: All keeps every pre-configured
      monitor on, FactoryDefault only the manufacturer's recommended one, HardWiredOnly switches
      the pre-configured ones off and clears the custom one; the hard-wired monitor stays.

      Given the charging station has these monitors
        | id | kind          | factory default | component       | evse                | variable          | type           | value | severity |
        | 1  | HardWired     | no              | EVSE            | the configured EVSE | AvailabilityState | Delta          | 0     | 2        |
        | 2  | Preconfigured | yes             | EVSE            | the configured EVSE | Power             | UpperThreshold | 22000 | 4        |
        | 3  | Preconfigured | no              | ChargingStation |                     | Power             | LowerThreshold | 10    | 6        |
        | 4  | Custom        | no              | ChargingStation |                     | AvailabilityState | Delta          | 0     | 8        |
      When the CSMS is asked to send a SetMonitoringBaseRequest with
        | field          | value |
        | monitoringBase | All   |
      Then the CSMS sends a SetMonitoringBaseRequest with
        | field          | expectation |
        | monitoringBase | All         |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      And the charging station now has these active monitors
        | id | kind          |
        | 1  | HardWired     |
        | 2  | Preconfigured |
        | 3  | Preconfigured |
        | 4  | Custom        |
      When the CSMS is asked to send a SetMonitoringBaseRequest with
        | field          | value          |
        | monitoringBase | FactoryDefault |
      Then the CSMS sends a SetMonitoringBaseRequest with
        | field          | expectation    |
        | monitoringBase | FactoryDefault |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      And the charging station now has these active monitors
        | id | kind          |
        | 1  | HardWired     |
        | 2  | Preconfigured |
        | 4  | Custom        |
      When the CSMS is asked to send a SetMonitoringBaseRequest with
        | field          | value         |
        | monitoringBase | HardWiredOnly |
      Then the CSMS sends a SetMonitoringBaseRequest with
        | field          | expectation   |
        | monitoringBase | HardWiredOnly |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      And the charging station now has these active monitors
        | id | kind      |
        | 1  | HardWired |

    @TC_N_08_CSMS @optional @N04 @N04.FR.01 @N04.FR.02 @N04.FR.17
    Scenario: TC_N_08_CSMS Set Variable Monitoring - One SetMonitoringData element
      Only the first element is checked (further ones are tolerated), value numerically. The
      station answers with the new monitor's id, as OCPP 2.0.1 expects of an Accepted monitor (the
      OCTT leaves it out).

      When the CSMS is asked to set these monitors on the station
        | component | evse                | variable          | type  | value | severity |
        | EVSE      | the configured EVSE | AvailabilityState | Delta | 1     | 8        |
      Then the CSMS sends a SetVariableMonitoringRequest with
        | field                                | expectation         |
        | setMonitoringData[0].value           | 1                   |
        | setMonitoringData[0].type            | Delta               |
        | setMonitoringData[0].severity        | 8                   |
        | setMonitoringData[0].component.name  | EVSE                |
        | setMonitoringData[0].component.evse.id | the configured EVSE |
        | setMonitoringData[0].variable.name   | AvailabilityState   |
      And the charging station answered with
        | field                           | expectation       |
        | setMonitoringResult[0].status   | Accepted          |
        | setMonitoringResult[0].id       | an integer >= 1   |
        | setMonitoringResult[0].type     | Delta             |
        | setMonitoringResult[0].severity | 8                 |
      And the charging station now has these active monitors
        | id | kind   |
        | 1  | Custom |

    @TC_N_09_CSMS @optional @N04 @N04.FR.01 @N04.FR.02 @N04.FR.17
    Scenario: TC_N_09_CSMS Set Variable Monitoring - Multiple elements on different component and variable
      The elements are checked by position, as the OCTT code does: the EVSE element first.

      When the CSMS is asked to set these monitors on the station
        | component       | evse                | variable          | type  | value | severity |
        | EVSE            | the configured EVSE | AvailabilityState | Delta | 1     | 8        |
        | ChargingStation |                     | AvailabilityState | Delta | 1     | 8        |
      Then the CSMS sends a SetVariableMonitoringRequest with
        | field                                  | expectation         |
        | setMonitoringData                      | at least 2 elements |
        | setMonitoringData[0].value             | 1                   |
        | setMonitoringData[0].type              | Delta               |
        | setMonitoringData[0].severity          | 8                   |
        | setMonitoringData[0].component.name    | EVSE                |
        | setMonitoringData[0].component.evse.id | the configured EVSE |
        | setMonitoringData[0].variable.name     | AvailabilityState   |
        | setMonitoringData[1].value             | 1                   |
        | setMonitoringData[1].type              | Delta               |
        | setMonitoringData[1].severity          | 8                   |
        | setMonitoringData[1].component.name    | ChargingStation     |
        | setMonitoringData[1].variable.name     | AvailabilityState   |
      And the charging station answered with
        | field                         | expectation |
        | setMonitoringResult           | 2 elements  |
        | setMonitoringResult[*].status | Accepted    |
      And the charging station now has these active monitors
        | id | kind   |
        | 1  | Custom |
        | 2  | Custom |

    @TC_N_16_CSMS @optional @N05 @N05.FR.01
    Scenario: TC_N_16_CSMS Set Monitoring Level - Success
      Given the charging station supports monitoring levels from 0 to 9 only
      When the CSMS is asked to send a SetMonitoringLevelRequest with
        | field    | value |
        | severity | 4     |
      Then the CSMS sends a SetMonitoringLevelRequest with
        | field    | expectation |
        | severity | 4           |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      And the charging station's active monitoring level is 4

    @TC_N_17_CSMS @optional @N05 @N05.FR.02
    Scenario: TC_N_17_CSMS Set Monitoring Level - Out of range
      The OCTT rejects severity 4 unconditionally; here the station really cannot report at level
      4, as it supports levels 5 to 9 only, so 4 is out of its range. Its level stays 9.

      Given the charging station supports monitoring levels from 5 to 9 only
      When the CSMS is asked to send a SetMonitoringLevelRequest with
        | field    | value |
        | severity | 4     |
      Then the CSMS sends a SetMonitoringLevelRequest with
        | field    | expectation |
        | severity | 4           |
      And the charging station answered with
        | field  | expectation |
        | status | Rejected    |
      And the charging station's active monitoring level is 9

  Rule: The CSMS clears monitors within the station's limits; a hard-wired monitor stays

    @TC_N_18_CSMS @optional @N06 @N06.FR.04
    Scenario: TC_N_18_CSMS Clear Monitoring - Too many elements
      The station holds six custom monitors and takes at most 3 ids per request. The CSMS first
      reads the limit (any GetVariablesRequest lets the OCTT go on; this one is checked), then
      clears all six in two or more requests of at most 3 ids; every id is answered Accepted with
      its id (not the OCTT code's bare statuses), and the monitors are gone.

      Given the charging station has these monitors
        | id | kind   | component       | evse                | variable          | type           | value | severity |
        | 1  | Custom | EVSE            | the configured EVSE | AvailabilityState | Delta          | 0     | 1        |
        | 2  | Custom | EVSE            | the configured EVSE | Power             | UpperThreshold | 22000 | 2        |
        | 3  | Custom | EVSE            | the configured EVSE | Power             | LowerThreshold | 10    | 3        |
        | 4  | Custom | ChargingStation |                     | AvailabilityState | Delta          | 0     | 4        |
        | 5  | Custom | ChargingStation |                     | Power             | UpperThreshold | 44000 | 5        |
        | 6  | Custom | ChargingStation |                     | Power             | Delta          | 1000  | 6        |
      And the charging station's MonitoringCtrlr.ItemsPerMessage for ClearVariableMonitoring is 3
      When the CSMS is asked to read these variables from the station
        | component       | variable        | instance                |
        | MonitoringCtrlr | ItemsPerMessage | ClearVariableMonitoring |
      Then the CSMS sends a GetVariablesRequest
      And its getVariableData has an element with
        | field             | expectation             |
        | component.name    | MonitoringCtrlr         |
        | variable.name     | ItemsPerMessage         |
        | variable.instance | ClearVariableMonitoring |
      And the charging station answered with
        | field                               | expectation |
        | getVariableResult[0].attributeStatus | Accepted   |
        | getVariableResult[0].attributeValue | "3"         |
      When the CSMS is asked to send a ClearVariableMonitoringRequest with
        | field | value              |
        | id    | [1, 2, 3, 4, 5, 6] |
      Then the CSMS sends ClearVariableMonitoringRequests for the monitors "1, 2, 3, 4, 5, 6", at most 3 ids each
      And the charging station now has these active monitors
        | id | kind |

    @TC_N_44_CSMS @optional @N06
    Scenario: TC_N_44_CSMS Clear Monitoring - Rejected
      The monitor the CSMS asks to clear is hard-wired: the station rejects clearing it, one result
      per id carrying that id, and keeps it.

      Given the charging station has these monitors
        | id | kind      | component | evse                | variable          | type  | value | severity |
        | 1  | HardWired | EVSE      | the configured EVSE | AvailabilityState | Delta | 0     | 2        |
      When the CSMS is asked to send a ClearVariableMonitoringRequest with
        | field | value |
        | id    | [1]   |
      Then the CSMS sends a ClearVariableMonitoringRequest with
        | field | expectation         |
        | id    | at least 1 element  |
      And the charging station answered with
        | field                           | expectation |
        | clearMonitoringResult[0].status | Rejected    |
        | clearMonitoringResult[0].id     | 1           |
      And the charging station now has these active monitors
        | id | kind      |
        | 1  | HardWired |

  Rule: A monitor that fires makes the station report an event

    @TC_N_21_CSMS @optional @N07 @N07.FR.03
    Scenario: TC_N_21_CSMS Alert Event - HardWiredMonitor
      A hard-wired monitor raises an alert when its threshold is crossed. An alert is what a
      threshold monitor raises, and a threshold needs a numeric variable, so the monitor watches
      the EVSE's Power (the OCTT writes actualValue 1 on AvailabilityState). seqNo is 0: the
      event is a report of one message (the OCTT's 1231230 is arbitrary).

      Given the charging station has these monitors
        | id | kind      | component | evse                | variable | type           | value | severity |
        | 1  | HardWired | EVSE      | the configured EVSE | Power    | UpperThreshold | 22000 | 2        |
      When the configured EVSE's power rises to 23000 W
      And the charging station sends the NotifyEventRequest it owes
      Then the charging station sent a NotifyEventRequest with
        | field                              | expectation         |
        | seqNo                              | 0                   |
        | eventData[0].eventId               | an integer >= 1     |
        | eventData[0].trigger               | Alerting            |
        | eventData[0].actualValue           | "23000"             |
        | eventData[0].cleared               | absent              |
        | eventData[0].eventNotificationType | HardWiredMonitor    |
        | eventData[0].component.name        | EVSE                |
        | eventData[0].component.evse.id     | the configured EVSE |
        | eventData[0].variable.name         | Power               |
        | eventData[0].variableMonitoringId  | 1                   |
      And the CSMS answered each of them with an empty response

    @TC_N_49_CSMS @optional @N07
    Scenario: TC_N_49_CSMS Alert Event - LowerThreshold/UpperThreshold cleared after reboot
      Before step 1 the EVSE's power really crossed the hard-wired threshold and the station
      reported the alert; then it returns below it and the station reports the alert cleared. No
      reboot is made (the OCTT makes none either): what counts is the return to normal.

      Given the charging station has these monitors
        | id | kind      | component | evse                | variable | type           | value | severity |
        | 1  | HardWired | EVSE      | the configured EVSE | Power    | UpperThreshold | 22000 | 2        |
      And the configured EVSE's power has risen to 23000 W, which the charging station reported
      When the configured EVSE's power falls to 7000 W
      And the charging station sends the NotifyEventRequest it owes
      Then the charging station sent a NotifyEventRequest with
        | field                              | expectation         |
        | eventData[0].eventId               | an integer >= 1     |
        | eventData[0].trigger               | Alerting            |
        | eventData[0].actualValue           | "7000"              |
        | eventData[0].cleared               | true                |
        | eventData[0].eventNotificationType | HardWiredMonitor    |
        | eventData[0].component.name        | EVSE                |
        | eventData[0].component.evse.id     | the configured EVSE |
        | eventData[0].variable.name         | Power               |
        | eventData[0].variableMonitoringId  | 1                   |
      And the CSMS answered each of them with an empty response

    @TC_N_48_CSMS @optional @N07
    Scenario: TC_N_48_CSMS Alert Event - Variable monitoring on write only
      A hard-wired periodic monitor on the write-only SecurityCtrlr.BasicAuthPassword fires on the
      station clock; a write-only value is never told, so actualValue is empty (the OCTT uses
      AvailabilityState, which is not write-only).

      Given the charging station has these monitors
        | id | kind      | component     | evse | variable          | type     | value | severity |
        | 1  | HardWired | SecurityCtrlr |      | BasicAuthPassword | Periodic | 2     | 2        |
      When the periodic monitor 1 has fired 1 time
      And the charging station sends the NotifyEventRequest it owes
      Then the charging station sent, in order, these NotifyEventRequests
        | eventData[0].trigger | eventData[0].actualValue | eventData[0].eventNotificationType | eventData[0].variable.name | eventData[0].variableMonitoringId |
        | Periodic             | ""                       | HardWiredMonitor                   | BasicAuthPassword          | 1                                 |
      And the CSMS answered each of them with an empty response

    @TC_N_24_CSMS @optional @N08 @N08.FR.02
    Scenario: TC_N_24_CSMS Set Variable Monitoring - Periodic event
      A hard-wired periodic monitor of 2 s on the EVSE's Power fires three times on the station
      clock (the OCTT's "n times" is 3); each event has its own eventId and reports the power of
      that moment.

      Given the charging station has these monitors
        | id | kind      | component | evse                | variable | type     | value | severity |
        | 1  | HardWired | EVSE      | the configured EVSE | Power    | Periodic | 2     | 2        |
      When the periodic monitor 1 has fired 3 times
      And the charging station sends the NotifyEventRequests it owes
      Then the charging station sent, in order, these NotifyEventRequests
        | eventData[0].eventId | eventData[0].trigger | eventData[0].actualValue | eventData[0].eventNotificationType | eventData[0].component.evse.id | eventData[0].variable.name | eventData[0].variableMonitoringId |
        | an integer >= 1      | Periodic             | "0"                      | HardWiredMonitor                   | the configured EVSE            | Power                      | 1                                 |
        | an integer >= 1      | Periodic             | "0"                      | HardWiredMonitor                   | the configured EVSE            | Power                      | 1                                 |
        | an integer >= 1      | Periodic             | "0"                      | HardWiredMonitor                   | the configured EVSE            | Power                      | 1                                 |
      And the CSMS answered each of them with an empty response

    @TC_N_50_CSMS @optional @N07
    Scenario: TC_N_50_CSMS Alert Event - Periodic Triggered
      A hard-wired clock-aligned periodic monitor on the EVSE's Power fires at the next boundary of
      its interval; the power is then 42 W, the OCTT's arbitrary number.

      Given the charging station has these monitors
        | id | kind      | component | evse                | variable | type                 | value | severity |
        | 1  | HardWired | EVSE      | the configured EVSE | Power    | PeriodicClockAligned | 2     | 2        |
      And the configured EVSE's power rises to 42 W
      When the periodic monitor 1 has fired 1 time
      And the charging station sends the NotifyEventRequest it owes
      Then the charging station sent, in order, these NotifyEventRequests
        | eventData[0].trigger | eventData[0].actualValue | eventData[0].eventNotificationType | eventData[0].component.name | eventData[0].variable.name | eventData[0].variableMonitoringId |
        | Periodic             | "42"                     | HardWiredMonitor                   | EVSE                        | Power                      | 1                                 |
      And the CSMS answered each of them with an empty response

  Rule: Logs are uploaded for real to the location the CSMS gives

    @TC_N_25_CSMS @N01
    Scenario: TC_N_25_CSMS Retrieve Log Information - Diagnostics Log - Success
      The CSMS is given the suite's loopback log server as the location; the station uploads its
      diagnostics log there and the upload is read back.

      When the CSMS is asked to send a GetLogRequest for its DiagnosticsLog to the suite's log server
      Then the CSMS sends a GetLogRequest with
        | field              | expectation        |
        | logType            | DiagnosticsLog     |
        | requestId          | an integer >= 0    |
        | log.remoteLocation | a non-empty string |
      And the charging station answered with
        | field    | expectation        |
        | status   | Accepted           |
        | filename | a non-empty string |
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation                |
        | status    | Uploading                  |
        | requestId | <GetLogRequest.requestId>  |
      When the charging station uploads its log to the remote location
      Then the suite's log server holds the charging station's DiagnosticsLog for request "<GetLogRequest.requestId>"
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation               |
        | status    | Uploaded                  |
        | requestId | <GetLogRequest.requestId> |

    @TC_N_35_CSMS @N01
    Scenario: TC_N_35_CSMS Retrieve Log Information - Security Log - Success
      When the CSMS is asked to send a GetLogRequest for its SecurityLog to the suite's log server
      Then the CSMS sends a GetLogRequest with
        | field              | expectation        |
        | logType            | SecurityLog        |
        | requestId          | an integer >= 0    |
        | log.remoteLocation | a non-empty string |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation               |
        | status    | Uploading                 |
        | requestId | <GetLogRequest.requestId> |
      When the charging station uploads its log to the remote location
      Then the suite's log server holds the charging station's SecurityLog for request "<GetLogRequest.requestId>"
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation               |
        | status    | Uploaded                  |
        | requestId | <GetLogRequest.requestId> |

    @TC_N_34_CSMS @N01
    Scenario: TC_N_34_CSMS Retrieve Log Information - Rejected
      The station transfers files over FTP only, and the location is an http URL: it cannot upload
      there and rejects the request; it then owes no LogStatusNotification.

      Given the charging station transfers files only over FTP
      When the CSMS is asked to send a GetLogRequest for its DiagnosticsLog to the suite's log server
      Then the CSMS sends a GetLogRequest
      And the charging station answered with
        | field  | expectation |
        | status | Rejected    |
      And the charging station owes no LogStatusNotificationRequest

    @TC_N_36_CSMS @N01
    Scenario: TC_N_36_CSMS Retrieve Log Information - Second Request
      The second request arrives after the first upload was reported Uploading: the station
      cancels the first (AcceptedCanceled for its requestId), reports the second Uploading,
      uploads it and reports it Uploaded.

      When the CSMS is asked to send a GetLogRequest for its DiagnosticsLog to the suite's log server
      Then the CSMS sends a GetLogRequest with
        | field     | expectation     |
        | requestId | an integer >= 0 |
      And the charging station remembers its requestId as firstLogRequest
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation       |
        | status    | Uploading         |
        | requestId | <firstLogRequest> |
      When the CSMS is asked to send a GetLogRequest for its DiagnosticsLog to the suite's log server
      Then the CSMS sends a GetLogRequest with
        | field     | expectation           |
        | requestId | not <firstLogRequest> |
      And the charging station answered with
        | field  | expectation      |
        | status | AcceptedCanceled |
      When the charging station sends the LogStatusNotificationRequests it owes
      Then the charging station sent, in order, these LogStatusNotificationRequests
        | status           | requestId                 |
        | AcceptedCanceled | <firstLogRequest>         |
        | Uploading        | <GetLogRequest.requestId> |
      When the charging station uploads its log to the remote location
      Then the suite's log server holds the charging station's DiagnosticsLog for request "<GetLogRequest.requestId>"
      When the charging station sends the LogStatusNotificationRequest it owes
      Then the charging station sent a LogStatusNotificationRequest with
        | field     | expectation               |
        | status    | Uploaded                  |
        | requestId | <GetLogRequest.requestId> |

  Rule: Customer information is what the station really holds, and a clear removes it

    @TC_N_27_CSMS @N09 @N09.FR.01 @N09.FR.04
    Scenario: TC_N_27_CSMS Get Customer Information - Accepted + data
      The station holds the token in its Local Authorization List and in a finished transaction;
      it reports both and keeps them (no clear).

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | false                             |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                                  |
        | requestId | <CustomerInformationRequest.requestId>       |
        | seqNo     | 0                                            |
        | tbc       | false                                        |
        | data      | contains local authorization list            |
        | data      | matches /transaction .* on EVSE/             |
      And the charging station still holds data of the configured valid idToken

    @TC_N_28_CSMS @N09 @N09.FR.01 @N09.FR.04
    Scenario: TC_N_28_CSMS Get Customer Information - Accepted + no data
      The station holds nothing about the token: one part with empty data.

      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | false                             |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | seqNo     | 0                                      |
        | tbc       | false                                  |
        | data      | ""                                     |

    @TC_N_29_CSMS @N09 @N09.FR.01 @N09.FR.04
    Scenario: TC_N_29_CSMS Get Customer Information - Not Accepted
      The station's operator allows customer data to be handed out on site only: it rejects the
      request, sends no NotifyCustomerInformation and keeps the data.

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      And the charging station may not give out customer information remotely
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | false                             |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Rejected    |
      And the charging station owes no NotifyCustomerInformationRequest
      And the charging station still holds data of the configured valid idToken

    @TC_N_30_CSMS @N10 @N10.FR.08
    Scenario: TC_N_30_CSMS Clear Customer Information - Clear and report + data
      The report holds what the station had before the clear; afterwards it holds nothing of the
      token.

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | seqNo     | 0                                      |
        | tbc       | false                                  |
        | data      | contains local authorization list      |
      And the charging station holds no data of the configured valid idToken

    @TC_N_31_CSMS @N10 @N10.FR.08
    Scenario: TC_N_31_CSMS Clear Customer Information - Clear and report + no data
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | seqNo     | 0                                      |
        | tbc       | false                                  |
        | data      | ""                                     |

    @TC_N_32_CSMS @N10 @N10.FR.08
    Scenario: TC_N_32_CSMS Clear Customer Information - Clear and no report
      Decided by the specification: a request without report asks for no report, so the station
      clears and sends no NotifyCustomerInformationRequest (the OCTT still sends one with empty
      data, which a CSMS must accept anyway). report must be exactly false.

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | false                             |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | false                             |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      And the charging station owes no NotifyCustomerInformationRequest
      And the charging station holds no data of the configured valid idToken

    @TC_N_46_CSMS @optional @N10 @N10.FR.02 @N10.FR.08 @D01.FR.01 @D01.FR.06 @D01.FR.18
    Scenario: TC_N_46_CSMS Clear Customer Information - Update Local Authorization List
      The station's list (version LOCAL_LIST_VERSION) holds the token and the CSMS keeps it there;
      the CSMS learns the version with a GetLocalListVersionRequest (allowed at any point). The
      clear removes the token from the station's list; then the CSMS updates the list
      differentially, removing the token (an entry without idTokenInfo), one version up.

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      And the CSMS keeps the configured valid idToken in the station's Local Authorization List
      When the CSMS is asked to send a GetLocalListVersionRequest
      Then the CSMS sends a GetLocalListVersionRequest
      And the charging station answered with
        | field         | expectation          |
        | versionNumber | <LOCAL_LIST_VERSION> |
      When the CSMS is asked to send a CustomerInformationRequest with
        | field           | value                             |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      Then the CSMS sends a CustomerInformationRequest with
        | field           | expectation                       |
        | report          | true                              |
        | clear           | true                              |
        | idToken.idToken | the configured valid idToken      |
        | idToken.type    | the configured valid idToken type |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | tbc       | false                                  |
        | data      | contains local authorization list      |
      And the charging station's Local Authorization List no longer holds the configured valid idToken
      When the CSMS is asked to send a SendLocalListRequest with
        | field                                    | value                             |
        | updateType                               | Differential                      |
        | localAuthorizationList[0].idToken.idToken | the configured valid idToken     |
        | localAuthorizationList[0].idToken.type   | the configured valid idToken type |
      Then the CSMS sends a SendLocalListRequest with
        | field                                     | expectation                       |
        | updateType                                | Differential                      |
        | localAuthorizationList[0].idToken.idToken | the configured valid idToken      |
        | localAuthorizationList[0].idToken.type    | the configured valid idToken type |
        | localAuthorizationList[0].idTokenInfo     | absent                            |
      And its versionNumber is "<LOCAL_LIST_VERSION>" plus 1
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |

    @TC_N_62_CSMS @N10 @N10.FR.08
    Scenario: TC_N_62_CSMS Clear Customer Information - Clear and report - customerIdentifier
      The station knows the customer OpenChargeAlliance by the configured valid idToken: the report
      names the customer and the token's data, the clear removes both.

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      And the charging station knows the customer "OpenChargeAlliance" by the configured valid idToken
      When the CSMS is asked to send a CustomerInformationRequest with
        | field              | value              |
        | report             | true               |
        | clear              | true               |
        | customerIdentifier | OpenChargeAlliance |
      Then the CSMS sends a CustomerInformationRequest with
        | field               | expectation        |
        | report              | true               |
        | clear               | true               |
        | customerIdentifier  | OpenChargeAlliance |
        | idToken             | absent             |
        | customerCertificate | absent             |
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | seqNo     | 0                                      |
        | tbc       | false                                  |
        | data      | contains customer OpenChargeAlliance   |
        | data      | contains local authorization list      |
      And the charging station holds no data of the configured valid idToken

    @TC_N_63_CSMS @N10 @N10.FR.08
    Scenario: TC_N_63_CSMS Clear Customer Information - Clear and report - customerCertificate
      The station holds the customer's contract certificate (the suite's test contract chain, or
      CONTRACT_CERT_FILE). The CSMS is given its hash data; the values are checked against the
      hash data computed from the certificate and its issuer (the OCTT checks presence only).

      Given the charging station holds the configured valid idToken in its Local Authorization List of version "<LOCAL_LIST_VERSION>" and in a finished transaction
      And the charging station holds the contract certificate of the customer with the configured valid idToken
      When the CSMS is asked to send a CustomerInformationRequest with report true and clear true for the hash data of that certificate
      Then the CSMS sends a CustomerInformationRequest with
        | field  | expectation |
        | report | true        |
        | clear  | true        |
      And its customerCertificate is the hash data of the customer's certificate
      And the charging station answered with
        | field  | expectation |
        | status | Accepted    |
      When the charging station sends the NotifyCustomerInformationRequest it owes
      Then the charging station sent a NotifyCustomerInformationRequest with
        | field     | expectation                            |
        | requestId | <CustomerInformationRequest.requestId> |
        | seqNo     | 0                                      |
        | tbc       | false                                  |
        | data      | contains certificate                   |
      And the charging station holds no data of the configured valid idToken
