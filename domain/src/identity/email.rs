//! Email addresses of Console users, invitees and Flex identities.
//!
//! The check is deliberately simple and predictable rather than full RFC 5322:
//! - at most 254 characters in all, no spaces or control characters, plain ASCII;
//! - exactly one `@`;
//! - a local part of 1 to 64 characters from letters, digits and ``!#$%&'*+/=?^_`{|}~.-``,
//!   not starting or ending with a dot and without two dots in a row;
//! - a domain with at least one dot, made of labels of 1 to 63 letters, digits or hyphens
//!   (not at either end of a label), the last label at least two characters.
//!
//! Addresses are stored lower-cased, so equality (and the indexes) are case-insensitive,
//! as the Console treats them.

use std::fmt;

/// A syntactically valid email address, lower-cased.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// Why a text is not an acceptable email address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailError {
    /// The rejected text (cut to 60 characters).
    pub value: String,
    /// What is wrong, in words.
    pub reason: &'static str,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Nothing typed is not a mistake in an address: say what to do.
        if self.value.trim().is_empty() {
            return f.write_str("Enter an email address");
        }
        write!(
            f,
            "\"{}\" is not a valid email address: {}",
            self.value, self.reason
        )
    }
}

impl std::error::Error for EmailError {}

impl Email {
    /// The address as text (lower-case).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A well-formed address that stands for "someone": a control that opens an
    /// invitation form asks the domain about inviting with it before anything is typed.
    pub fn someone() -> Email {
        Email("someone@example.com".to_owned())
    }

    /// The part before the `@`.
    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }

    /// Checks `text` with the rules above and lower-cases it.
    pub fn parse(text: &str) -> Result<Email, EmailError> {
        check(text).map_err(|reason| EmailError {
            value: text.chars().take(60).collect(),
            reason,
        })?;
        Ok(Email(text.to_ascii_lowercase()))
    }
}

fn check(text: &str) -> Result<(), &'static str> {
    const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~.-";
    if text.is_empty() {
        return Err("it is empty");
    }
    if text.len() > 254 {
        return Err("it is longer than 254 characters");
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("it contains spaces");
    }
    if !text.is_ascii() {
        return Err("only plain ASCII characters are accepted");
    }
    let (local, domain) = match text.split_once('@') {
        Some((l, d)) if !d.contains('@') => (l, d),
        Some(_) => return Err("it has more than one @"),
        None => return Err("it has no @"),
    };
    if local.is_empty() {
        return Err("nothing comes before the @");
    }
    if local.len() > 64 {
        return Err("the part before the @ is longer than 64 characters");
    }
    if !local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || LOCAL_SPECIALS.contains(c))
    {
        return Err("the part before the @ contains a character that is not allowed");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("the part before the @ has a misplaced dot");
    }
    if !domain.contains('.') {
        return Err("the domain after the @ needs a dot, as in example.com");
    }
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if !labels_ok || domain.rsplit('.').next().is_some_and(|tld| tld.len() < 2) {
        return Err("the domain after the @ is not a valid domain name");
    }
    Ok(())
}

impl TryFrom<String> for Email {
    type Error = EmailError;
    fn try_from(text: String) -> Result<Self, EmailError> {
        Email::parse(&text)
    }
}

impl std::str::FromStr for Email {
    type Err = EmailError;
    fn from_str(text: &str) -> Result<Self, EmailError> {
        Email::parse(text)
    }
}

impl From<Email> for String {
    fn from(email: Email) -> String {
        email.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
