//! Phone numbers: an account's incoming numbers and the simulated list to buy from.
//!
//! The list is every US number +1 AAA 555-01XX for a handful of area codes: the 555-0100
//! to 555-0199 range is reserved for fiction, so nothing here is anyone's real number.
//! A number owned by any account is not offered again until it is released.

use crate::sid::{PhoneNumberSid, StudioFlowSid};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What a number can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberCapabilities {
    /// Calls.
    pub voice: bool,
    /// Text messages.
    pub sms: bool,
    /// Picture messages.
    pub mms: bool,
    /// Fax.
    pub fax: bool,
}

impl NumberCapabilities {
    /// The capability names, e.g. ["Voice", "SMS"].
    pub fn names(&self) -> Vec<&'static str> {
        [
            (self.voice, "Voice"),
            (self.sms, "SMS"),
            (self.mms, "MMS"),
            (self.fax, "Fax"),
        ]
        .into_iter()
        .filter_map(|(has, name)| has.then_some(name))
        .collect()
    }
}

/// An incoming phone number owned by an account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneNumber {
    /// The number's SID (`PN…`).
    pub sid: PhoneNumberSid,
    /// The number in E.164, e.g. "+14155550100".
    pub phone_number: String,
    /// Where it is, e.g. "San Francisco, CA".
    pub locality: String,
    /// What it can do.
    pub capabilities: NumberCapabilities,
    /// The Studio flow that handles its calls and messages, if any.
    pub studio_flow: Option<StudioFlowSid>,
    /// When it was bought.
    pub bought: Timestamp,
}

/// A number offered for sale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AvailableNumber {
    /// E.164.
    pub phone_number: String,
    /// Where it is.
    pub locality: &'static str,
    /// What it can do.
    pub capabilities: NumberCapabilities,
}

/// The area codes of the simulated list, with their places.
pub const AREA_CODES: [(&str, &str); 6] = [
    ("206", "Seattle, WA"),
    ("212", "New York, NY"),
    ("312", "Chicago, IL"),
    ("415", "San Francisco, CA"),
    ("512", "Austin, TX"),
    ("617", "Boston, MA"),
];

/// Every number of the simulated list, owned or not, in order.
pub fn inventory() -> impl Iterator<Item = AvailableNumber> {
    AREA_CODES.iter().flat_map(|&(area, locality)| {
        (0..100u32).map(move |n| AvailableNumber {
            phone_number: format!("+1{area}55501{n:02}"),
            locality,
            // Varied but fixed, as a real search shows: every number takes calls.
            capabilities: NumberCapabilities {
                voice: true,
                sms: n % 7 != 3,
                mms: n % 3 != 0,
                fax: n % 5 == 0,
            },
        })
    })
}

/// The number of the simulated list written as `phone_number`, if it is one.
pub fn in_inventory(phone_number: &str) -> Option<AvailableNumber> {
    inventory().find(|n| n.phone_number == phone_number)
}

/// "+14155550100" as "(415) 555-0100"; other numbers unchanged.
pub fn national_format(e164: &str) -> String {
    match e164.strip_prefix("+1") {
        Some(d) if d.len() == 10 && d.bytes().all(|b| b.is_ascii_digit()) => {
            format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..])
        }
        _ => e164.to_owned(),
    }
}

/// Whether `text` is a number in E.164: "+", then 8 to 15 digits, not starting with 0.
pub fn is_e164(text: &str) -> bool {
    text.strip_prefix('+').is_some_and(|d| {
        (8..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_fictional_e164_and_looks_up_both_ways() {
        let all: Vec<_> = inventory().collect();
        assert_eq!(all.len(), 600);
        assert!(all.iter().all(|n| is_e164(&n.phone_number)));
        for n in [&all[0], &all[342], &all[599]] {
            assert_eq!(in_inventory(&n.phone_number).as_ref(), Some(n));
        }
        assert_eq!(all[342].phone_number, "+14155550142");
        assert_eq!(in_inventory("+14155550200"), None);
        assert_eq!(in_inventory("+19995550100"), None);
        assert_eq!(in_inventory("+141555501+2"), None);
        assert_eq!(national_format("+14155550142"), "(415) 555-0142");
        assert!(!is_e164("4155550142") && !is_e164("+0123456789"));
    }
}
