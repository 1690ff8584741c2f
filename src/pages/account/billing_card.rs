//! Checking the card a person types in the upgrade flow. The domain stores only a payment
//! method's description ("Visa ending 4242") and checks nothing about cards, so the checks
//! live here, pure and unit-tested; the full number is never kept.

use crate::domain::Timestamp;

/// A field of the payment form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardField {
    /// Cardholder name.
    Name,
    /// Card number.
    Number,
    /// Expiry, MM/YY.
    Expiry,
    /// Security code.
    Cvc,
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardProblem {
    /// The field.
    pub field: CardField,
    /// What is wrong, as a sentence.
    pub message: String,
}

/// What the person typed.
#[derive(Clone, Copy, Debug)]
pub struct CardInput<'a> {
    /// Cardholder name.
    pub name: &'a str,
    /// Card number, spaces and dashes allowed.
    pub number: &'a str,
    /// Expiry as MM/YY.
    pub expiry: &'a str,
    /// Security code.
    pub cvc: &'a str,
}

/// Checks every field at `now`; on success, the payment method as the domain stores it,
/// e.g. "Visa ending 4242" (only the last four digits are kept).
pub fn check_card(input: CardInput<'_>, now: Timestamp) -> Result<String, Vec<CardProblem>> {
    let mut problems = Vec::new();
    let mut fail = |field, message: &str| {
        problems.push(CardProblem {
            field,
            message: message.to_owned(),
        })
    };
    let name = input.name.trim();
    if name.is_empty() {
        fail(
            CardField::Name,
            "Enter the cardholder's name as it appears on the card.",
        );
    } else if name.chars().count() > 100 {
        fail(
            CardField::Name,
            "The cardholder's name is longer than 100 characters.",
        );
    }
    let digits: String = input
        .number
        .chars()
        .filter(|c| *c != ' ' && *c != '-')
        .collect();
    if digits.is_empty() {
        fail(CardField::Number, "Enter the card number.");
    } else if !digits.chars().all(|c| c.is_ascii_digit()) {
        fail(
            CardField::Number,
            "The card number may only contain digits and spaces.",
        );
    } else if !(12..=19).contains(&digits.len()) {
        fail(
            CardField::Number,
            "The card number must have 12 to 19 digits.",
        );
    } else if !luhn_valid(&digits) {
        fail(
            CardField::Number,
            "This card number is not valid: please check it for typing mistakes.",
        );
    }
    match parse_expiry(input.expiry) {
        None => fail(
            CardField::Expiry,
            "Enter the expiry date as MM/YY, for example 08/29.",
        ),
        Some((year, month)) if expired(year, month, now) => fail(
            CardField::Expiry,
            "This card has expired; use a card that is still valid.",
        ),
        Some(_) => {}
    }
    let cvc = input.cvc.trim();
    if !(3..=4).contains(&cvc.len()) || !cvc.chars().all(|c| c.is_ascii_digit()) {
        fail(
            CardField::Cvc,
            "The security code (CVC) is the 3 or 4 digits on the card.",
        );
    }
    if problems.is_empty() {
        let last4 = &digits[digits.len() - 4..];
        Ok(format!("{} ending {last4}", brand(&digits)))
    } else {
        Err(problems)
    }
}

/// The Luhn checksum every payment card number satisfies.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

/// The card network, from the number's first digits.
fn brand(digits: &str) -> &'static str {
    let prefix = |n: usize| {
        digits
            .get(..n)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    match () {
        _ if digits.starts_with('4') => "Visa",
        _ if (51..=55).contains(&prefix(2)) || (2221..=2720).contains(&prefix(4)) => "Mastercard",
        _ if prefix(2) == 34 || prefix(2) == 37 => "American Express",
        _ if prefix(4) == 6011 || prefix(2) == 65 => "Discover",
        _ => "Card",
    }
}

/// "08/29" or "8 / 29" as (2029, 8).
fn parse_expiry(text: &str) -> Option<(i64, u32)> {
    let (month, year) = text.split_once('/')?;
    let (month, year) = (month.trim(), year.trim());
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if !digits(month, 1..=2) || !digits(year, 2..=2) {
        return None;
    }
    let month: u32 = month.parse().ok()?;
    let year: i64 = year.parse().ok()?;
    (1..=12).contains(&month).then_some((2000 + year, month))
}

/// A card is good through the last day of its expiry month.
fn expired(year: i64, month: u32, now: Timestamp) -> bool {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    now >= Timestamp::from_utc(next_year, next_month, 1, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: Timestamp = Timestamp::from_utc(2025, 3, 3, 10, 0);

    fn card<'a>(number: &'a str, expiry: &'a str, cvc: &'a str) -> CardInput<'a> {
        CardInput {
            name: "Maria Garcia",
            number,
            expiry,
            cvc,
        }
    }

    fn fields(result: Result<String, Vec<CardProblem>>) -> Vec<CardField> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    #[test]
    fn a_valid_card_keeps_only_the_brand_and_last_four_digits() {
        assert_eq!(
            check_card(card("4242 4242 4242 4242", "12/30", "123"), NOW),
            Ok("Visa ending 4242".into())
        );
        assert_eq!(
            check_card(card("5555-5555-5555-4444", "03/25", "1234"), NOW),
            Ok("Mastercard ending 4444".into())
        );
        assert_eq!(
            check_card(card("378282246310005", "3/25", "1234"), NOW),
            Ok("American Express ending 0005".into())
        );
    }

    #[test]
    fn the_luhn_check_rejects_a_mistyped_number() {
        assert!(luhn_valid("4242424242424242"));
        assert!(!luhn_valid("4242424242424241"));
        assert_eq!(
            fields(check_card(card("4242 4242 4242 4241", "12/30", "123"), NOW)),
            vec![CardField::Number]
        );
        assert_eq!(
            fields(check_card(card("4242 abcd", "12/30", "123"), NOW)),
            vec![CardField::Number]
        );
        assert_eq!(
            fields(check_card(card("4242", "12/30", "123"), NOW)),
            vec![CardField::Number]
        );
    }

    #[test]
    fn a_card_is_valid_through_its_expiry_month_and_not_after() {
        assert!(check_card(card("4242424242424242", "03/25", "123"), NOW).is_ok());
        assert_eq!(
            fields(check_card(card("4242424242424242", "02/25", "123"), NOW)),
            vec![CardField::Expiry]
        );
        assert_eq!(
            fields(check_card(card("4242424242424242", "13/30", "123"), NOW)),
            vec![CardField::Expiry]
        );
        assert_eq!(
            fields(check_card(card("4242424242424242", "1230", "123"), NOW)),
            vec![CardField::Expiry]
        );
        assert!(!expired(
            2025,
            12,
            Timestamp::from_utc(2025, 12, 31, 23, 59)
        ));
        assert!(expired(2025, 12, Timestamp::from_utc(2026, 1, 1, 0, 0)));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = CardInput {
            name: " ",
            number: "",
            expiry: "",
            cvc: "12",
        };
        assert_eq!(
            fields(check_card(input, NOW)),
            vec![
                CardField::Name,
                CardField::Number,
                CardField::Expiry,
                CardField::Cvc
            ]
        );
    }
}
