//! Names people type: account names, full names.

use crate::error::DomainError;

/// Trims `text` and checks it is non-empty and at most `max` characters.
pub(crate) fn clean_name(
    what: &'static str,
    text: &str,
    max: usize,
) -> Result<String, DomainError> {
    let name = text.trim();
    if name.is_empty() {
        Err(DomainError::InvalidName {
            what,
            reason: "must not be empty",
        })
    } else if name.chars().count() > max {
        Err(DomainError::NameTooLong { what, max })
    } else {
        Ok(name.to_owned())
    }
}

/// Longest account friendly name (Twilio allows 64 characters).
pub(crate) const ACCOUNT_NAME_MAX: usize = 64;
/// Longest person name.
pub(crate) const PERSON_NAME_MAX: usize = 100;
/// Longest payment method ("Visa ending 4242").
pub(crate) const PAYMENT_METHOD_MAX: usize = 64;
