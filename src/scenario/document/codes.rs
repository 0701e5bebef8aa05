//! The stable codes of the reader's findings (all of severity `error`).

/// The text is not JSON.
pub const JSON_SYNTAX: &str = "JSON_SYNTAX";
/// The text, its nesting, a string, the requests or the entities exceed a scenario limit.
pub const LIMIT_EXCEEDED: &str = "LIMIT_EXCEEDED";
/// The `scenario` format version is not one this program reads.
pub const UNSUPPORTED_VERSION: &str = "UNSUPPORTED_VERSION";
/// A field the format does not define (often a typo).
pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
/// A required field is absent.
pub const MISSING_FIELD: &str = "MISSING_FIELD";
/// The same key twice in one object.
pub const DUPLICATE_KEY: &str = "DUPLICATE_KEY";
/// A value of the wrong JSON type.
pub const WRONG_TYPE: &str = "WRONG_TYPE";
/// A value of the right type outside what the format or AWS accepts.
pub const INVALID_VALUE: &str = "INVALID_VALUE";
/// Text that should be an ARN and is not one.
pub const INVALID_ARN: &str = "INVALID_ARN";
/// An ARN of the wrong kind for its place (a user's `arn` that names a role).
pub const WRONG_ARN_KIND: &str = "WRONG_ARN_KIND";
/// The same account, entity or resource twice.
pub const DUPLICATE_ENTITY: &str = "DUPLICATE_ENTITY";
/// A user names a group that the scenario does not have.
pub const UNKNOWN_GROUP: &str = "UNKNOWN_GROUP";
/// A named policy reference that is not in `policies`.
pub const UNKNOWN_POLICY: &str = "UNKNOWN_POLICY";
/// An SCP/RCP target that is neither on the account's organization path nor the account.
pub const UNKNOWN_TARGET: &str = "UNKNOWN_TARGET";
/// A request's `principal` is missing, present where it must not be, or of a form that cannot
/// make the request.
pub const INVALID_PRINCIPAL: &str = "INVALID_PRINCIPAL";
/// A request's `action` is not `service:Action`.
pub const INVALID_ACTION: &str = "INVALID_ACTION";
/// A request's `expect` is not a decision.
pub const INVALID_EXPECT: &str = "INVALID_EXPECT";
/// A request's `at` is earlier than the previous request's.
pub const TIME_GOES_BACK: &str = "TIME_GOES_BACK";
