//! Conversations addresses, as the Console's Flex "Conversations addresses" lists them: an
//! SMS number, a WhatsApp sender or a Chat (webchat) name, each handing the messages it
//! receives to a Studio flow, whose Send to Flex step makes them tasks.

use crate::identity::account::Account;
use crate::products::phone_number::{is_e164, national_format};
use crate::sid::{AddressSid, StudioFlowSid};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest Chat address name, in characters.
pub const CHAT_NAME_MAX: usize = 64;

/// The kind of a Conversations address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressType {
    /// A phone number of the account that takes text messages.
    Sms,
    /// A phone number of the account registered as a WhatsApp sender.
    Whatsapp,
    /// A webchat address, known by its name.
    Chat,
}

impl AddressType {
    /// Every kind, in the order the page lists them.
    pub const ALL: [AddressType; 3] = [AddressType::Sms, AddressType::Whatsapp, AddressType::Chat];

    /// The task channel a message on this kind of address is sent to Flex on, by default.
    pub fn channel_type(self) -> &'static str {
        match self {
            AddressType::Sms => "sms",
            AddressType::Whatsapp => "whatsapp",
            AddressType::Chat => "chat",
        }
    }
}

impl fmt::Display for AddressType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AddressType::Sms => "SMS",
            AddressType::Whatsapp => "WhatsApp",
            AddressType::Chat => "Chat",
        })
    }
}

/// An address that hands its messages to a Studio flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConversationsAddress {
    /// The address SID (`IG…`).
    pub sid: AddressSid,
    /// SMS, WhatsApp or Chat.
    pub address_type: AddressType,
    /// The number in E.164 (SMS), `whatsapp:+…` (WhatsApp) or the chat name.
    pub address: String,
    /// The Studio flow messages go to; None: not routed (it was deleted or never chosen).
    pub studio_flow: Option<StudioFlowSid>,
    /// When it was created.
    pub created: Timestamp,
}

impl ConversationsAddress {
    /// How a person reads the address: "(415) 555-0101", "WhatsApp (415) 555-0101", "Web
    /// support".
    pub fn label(&self) -> String {
        match self.address_type {
            AddressType::Sms => national_format(&self.address),
            AddressType::Whatsapp => format!(
                "WhatsApp {}",
                national_format(self.address.trim_start_matches("whatsapp:"))
            ),
            AddressType::Chat => self.address.clone(),
        }
    }
}

/// The address as stored for `typed` text of kind `kind` in `account`, or why it cannot
/// be one: an SMS or WhatsApp address is a number the account owns (SMS needs one that takes
/// text messages), written in E.164; a Chat address is a name of 1 to 64 characters. No two
/// addresses of a kind are alike (names ignoring case).
pub fn address_for(account: &Account, kind: AddressType, typed: &str) -> Result<String, String> {
    let typed = typed.trim();
    let taken = |address: &str| {
        account.flex.as_ref().is_some_and(|f| {
            f.addresses.iter().any(|a| {
                a.address_type == kind && a.address.to_lowercase() == address.to_lowercase()
            })
        })
    };
    let address = match kind {
        AddressType::Sms | AddressType::Whatsapp => {
            let number = typed.strip_prefix("whatsapp:").unwrap_or(typed);
            if !is_e164(number) {
                return Err(format!(
                    "Write the number in E.164, like +14155550101; \"{typed}\" is not."
                ));
            }
            let Some(owned) = account
                .phone_numbers
                .values()
                .find(|n| n.phone_number == number)
            else {
                return Err(format!(
                    "{} is not a phone number of this account; buy it on the Phone Numbers page first.",
                    national_format(number)
                ));
            };
            if kind == AddressType::Sms && !owned.capabilities.sms {
                return Err(format!(
                    "{} does not take text messages (no SMS capability).",
                    national_format(number)
                ));
            }
            match kind {
                AddressType::Whatsapp => format!("whatsapp:{number}"),
                _ => number.to_owned(),
            }
        }
        AddressType::Chat => {
            let count = typed.chars().count();
            if count == 0 {
                return Err("Give the chat address a name.".into());
            }
            if count > CHAT_NAME_MAX {
                return Err(format!(
                    "A chat address name has at most 64 characters; this one has {count}."
                ));
            }
            if typed.chars().any(char::is_control) {
                return Err("A chat address name is one line of text.".into());
            }
            typed.to_owned()
        }
    };
    if taken(&address) {
        return Err(format!(
            "{kind} address {typed} exists already in this account."
        ));
    }
    Ok(address)
}
