//! Read-only questions about an account's products: the numbers on offer and the numbers
//! a Studio flow handles.

use crate::command::Command;
use crate::console::Console;
use crate::products::phone_number::{AvailableNumber, PhoneNumber, inventory};
use crate::sid::{AccountSid, StudioFlowSid};

impl Console {
    /// Numbers of the simulated list nobody owns, in area `area_code` (any when None)
    /// whose digits contain `digits` (ignoring anything but digits), at most `limit`.
    pub fn available_numbers(
        &self,
        area_code: Option<&str>,
        digits: &str,
        limit: usize,
    ) -> Vec<AvailableNumber> {
        let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
        inventory()
            .filter(|n| area_code.is_none_or(|a| n.phone_number[2..5] == *a))
            .filter(|n| n.phone_number.contains(&digits))
            .filter(|n| !self.index.numbers_in_use.contains(&n.phone_number))
            .take(limit)
            .collect()
    }

    /// Buying the first number on offer for `account`: what a "Buy a number" control asks
    /// the domain before a number is picked (a trial account that holds its one number is
    /// refused whichever it picks).
    pub fn buy_any_number(&self, account: AccountSid) -> Command {
        let phone_number = self
            .available_numbers(None, "", 1)
            .into_iter()
            .next()
            .map(|n| n.phone_number)
            .unwrap_or_default();
        Command::BuyPhoneNumber {
            account,
            phone_number,
        }
    }

    /// The phone numbers a Studio flow handles.
    pub fn numbers_routed_to<'a>(
        &'a self,
        account: &AccountSid,
        flow: &'a StudioFlowSid,
    ) -> impl Iterator<Item = &'a PhoneNumber> {
        let numbers = self.accounts.get(account).map(|a| a.phone_numbers.values());
        numbers
            .into_iter()
            .flatten()
            .filter(move |n| n.studio_flow.as_ref() == Some(flow))
    }
}
