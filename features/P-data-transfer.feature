@dataTransfer
Feature: P Data Transfer
  Vendor-specific data between station and CSMS (P02) and the customData any message may carry.
  A CSMS answers a DataTransferRequest by its own vendor extensions: UnknownVendorId for a vendor
  it has none of, UnknownMessageId for a message its extension lacks (P02.FR.06, P02.FR.07), or
  its own Accepted / Rejected. CONFIGURED_VENDOR_ID and CONFIGURED_MESSAGE_ID name a vendor and
  message the CSMS under test has no handling for.

  The station connects as BASIC_AUTH_CP, boots and reports its connectors first.

  Background:
    Given the charging station is booted and all its connectors are Available

  @TC_P_02_CSMS @P02 @P02.FR.06 @P02.FR.07
  Scenario: TC_P_02_CSMS Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId
    The station sends a DataTransferRequest for the configured vendor and message, without data;
    the CSMS must say it does not know them or reject them. Accepted fails, and so does a CALLERROR
    (a DataTransferRequest is answered with a DataTransferResponse).

    When the charging station sends a DataTransferRequest with
      | field     | value                   |
      | vendorId  | <CONFIGURED_VENDOR_ID>  |
      | messageId | <CONFIGURED_MESSAGE_ID> |
    Then the CSMS responds with
      | field  | expectation                                    |
      | status | one of UnknownVendorId, UnknownMessageId, Rejected |

  @TC_P_03_CSMS
  Scenario: TC_P_03_CSMS CustomData - Receive custom data
    A StatusNotificationRequest and a TransactionEventRequest carry customData (at message level
    and, in the event, inside transactionInfo too) with a property of the vendor's own beside the
    required vendorId; the CSMS must answer them as it answers any other. The event is a real
    Started event of the station's transaction: as triggerReason Authorized says, it names the
    driver's idToken (the older code sent none), so its response carries idTokenInfo.

    When the charging station sends a StatusNotificationRequest with
      | field                | value                    |
      | evseId               | <CONFIGURED_EVSE_ID>     |
      | connectorId          | <CONFIGURED_CONNECTOR_ID> |
      | connectorStatus      | Available                |
      | customData.vendorId  | <CONFIGURED_VENDOR_ID>   |
      | customData.customKey | "custom_value"           |
    Then the CSMS answered it with a StatusNotificationResponse
    When the charging station sends the next TransactionEventRequest of its transaction with
      | field                                | value                    |
      | eventType                            | Started                  |
      | triggerReason                        | Authorized               |
      | idToken.idToken                      | <VALID_ID_TOKEN>         |
      | idToken.type                         | <VALID_ID_TOKEN_TYPE>    |
      | transactionInfo.chargingState        | EVConnected              |
      | transactionInfo.customData.vendorId  | <CONFIGURED_VENDOR_ID>   |
      | transactionInfo.customData.customKey | "custom_value"           |
      | customData.vendorId                  | <CONFIGURED_VENDOR_ID>   |
      | customData.customKey                 | "custom_value"           |
    Then the CSMS answered it with a TransactionEventResponse
    And the CSMS responds with
      | field              | expectation |
      | idTokenInfo.status | Accepted    |
