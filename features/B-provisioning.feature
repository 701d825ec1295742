@provisioning
Feature: B Provisioning
  The CSMS registers charging stations, reads and changes their configuration,
  requests reports and resets them.

  @TC_B_01_CSMS @B01 @B01.FR.02
  Scenario: TC_B_01_CSMS Cold Boot Charging Station - Accepted
    Given the charging station is connected to the CSMS
    When the charging station sends a BootNotificationRequest with
      | field                        | value                     |
      | reason                       | PowerUp                   |
      | chargingStation.model        | the configured model      |
      | chargingStation.vendorName   | the configured vendor name |
    Then the CSMS responds with
      | field       | expectation       |
      | status      | Accepted          |
      | interval    | an integer >= 0   |
      | currentTime | a date-time       |
    When the charging station reports all its connectors Available
