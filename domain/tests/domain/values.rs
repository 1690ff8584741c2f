//! Value types: SIDs, Auth Tokens, emails, timestamps.

use flex_console_domain::*;

const HEX: &str = "0123456789abcdef0123456789ABCDEF";

#[test]
fn sids_accept_the_right_prefix_and_32_hex_digits_in_either_case() {
    let lower = format!("AC{}", HEX.to_lowercase());
    let mixed = format!("AC{HEX}");
    assert_eq!(lower.parse::<AccountSid>().unwrap().as_str(), lower);
    assert_eq!(mixed.parse::<AccountSid>().unwrap().as_str(), mixed);
    assert!(format!("GO{HEX}").parse::<FlexInstanceSid>().is_ok());
    assert!(format!("FO{HEX}").parse::<FlexFlowSid>().is_ok());
}

#[test]
fn sids_reject_wrong_prefix_length_and_non_hex() {
    let wrong_prefix = format!("FO{HEX}").parse::<FlexInstanceSid>().unwrap_err();
    assert_eq!(wrong_prefix.problem, sid::SidProblem::Prefix);
    assert_eq!(
        wrong_prefix.to_string(),
        format!(
            "\"FO{HEX}\" is not a valid Flex instance SID (GO followed by 32 hex digits): it does not start with GO"
        )
    );
    let lower_prefix = format!("ac{HEX}").parse::<AccountSid>().unwrap_err();
    assert_eq!(lower_prefix.problem, sid::SidProblem::Prefix);
    assert_eq!(
        format!("AC{}", &HEX[..31])
            .parse::<AccountSid>()
            .unwrap_err()
            .problem,
        sid::SidProblem::Length(33)
    );
    assert_eq!(
        format!("AC{HEX}0")
            .parse::<AccountSid>()
            .unwrap_err()
            .problem,
        sid::SidProblem::Length(35)
    );
    assert_eq!(
        "".parse::<AccountSid>().unwrap_err().problem,
        sid::SidProblem::Length(0)
    );
    let non_hex = format!("AC{}g", &HEX[..31])
        .parse::<AccountSid>()
        .unwrap_err();
    assert_eq!(non_hex.problem, sid::SidProblem::NotHex);
    assert!(
        non_hex
            .to_string()
            .ends_with("the 32 characters after the prefix must be hex digits (0-9, a-f)")
    );
    assert_eq!(
        format!("AC{}é", &HEX[..30])
            .parse::<AccountSid>()
            .unwrap_err()
            .problem,
        sid::SidProblem::Length(33)
    );
    assert!(format!("AC{} ", &HEX[..31]).parse::<AccountSid>().is_err());
}

#[test]
fn sids_go_through_serde_as_plain_validated_strings() {
    let text = format!("\"WK{}\"", HEX.to_lowercase());
    let sid: WorkerSid = serde_json::from_str(&text).unwrap();
    assert_eq!(serde_json::to_string(&sid).unwrap(), text);
    let bad: Result<WorkerSid, _> = serde_json::from_str(&format!("\"WA{}\"", HEX.to_lowercase()));
    assert!(
        bad.unwrap_err()
            .to_string()
            .contains("is not a valid worker SID")
    );
    let try_from = WorkerSid::try_from(format!("WK{HEX}"));
    assert!(try_from.is_ok());
}

#[test]
fn generated_sids_are_lower_case_and_deterministic() {
    let mut a = random::Random::new(42);
    let mut b = random::Random::new(42);
    let sid = UserSid::generate(&mut a);
    assert_eq!(sid, UserSid::generate(&mut b));
    assert!(sid.as_str().starts_with("US"));
    assert!(
        sid.as_str()[2..]
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    );
    assert_eq!(sid.as_str().parse::<UserSid>().unwrap(), sid);
    assert_ne!(UserSid::generate(&mut a), sid);
}

#[test]
fn auth_tokens_are_32_lower_case_hex() {
    let good = "0123456789abcdef0123456789abcdef";
    let token: AuthToken = good.parse().unwrap();
    assert_eq!(token.as_str(), good);
    assert!(token.masked().ends_with("cdef"));
    assert!(
        !format!("{token:?}").contains("0123456789"),
        "Debug hides the token"
    );
    assert!(
        "0123456789ABCDEF0123456789abcdef"
            .parse::<AuthToken>()
            .is_err()
    );
    assert!(good[..31].parse::<AuthToken>().is_err());
    assert!(format!("{good}0").parse::<AuthToken>().is_err());
    assert!(
        "0123456789abcdef0123456789abcdeg"
            .parse::<AuthToken>()
            .is_err()
    );
    let err = serde_json::from_str::<AuthToken>("\"nope\"").unwrap_err();
    assert!(err.to_string().contains("exactly 32 lower-case hex digits"));
}

#[test]
fn an_empty_email_asks_for_one_in_plain_words() {
    for nothing in ["", "   "] {
        assert_eq!(
            Email::parse(nothing).unwrap_err().to_string(),
            "Enter an email address"
        );
    }
    assert_eq!(
        Email::parse("jane").unwrap_err().to_string(),
        "\"jane\" is not a valid email address: it has no @"
    );
}

#[test]
fn emails_are_checked_and_compared_case_insensitively() {
    let e = Email::parse("Jane.Doe+flex@Example.COM").unwrap();
    assert_eq!(e.as_str(), "jane.doe+flex@example.com");
    assert_eq!(e, Email::parse("jane.doe+flex@example.com").unwrap());
    assert_eq!(e.local_part(), "jane.doe+flex");
    for good in ["a@b.co", "o'brien@example.ie", "x_y-z@sub.example-mail.com"] {
        assert!(Email::parse(good).is_ok(), "{good}");
    }
    let cases = [
        ("", "it is empty"),
        ("jane doe@example.com", "it contains spaces"),
        ("jane.example.com", "it has no @"),
        ("a@b@example.com", "it has more than one @"),
        ("@example.com", "nothing comes before the @"),
        (
            "jane@localhost",
            "the domain after the @ needs a dot, as in example.com",
        ),
        (
            "jane@example..com",
            "the domain after the @ is not a valid domain name",
        ),
        (
            "jane@-example.com",
            "the domain after the @ is not a valid domain name",
        ),
        (
            "jane@example.c",
            "the domain after the @ is not a valid domain name",
        ),
        (
            ".jane@example.com",
            "the part before the @ has a misplaced dot",
        ),
        (
            "ja..ne@example.com",
            "the part before the @ has a misplaced dot",
        ),
        (
            "ja(ne@example.com",
            "the part before the @ contains a character that is not allowed",
        ),
        (
            "josé@example.com",
            "only plain ASCII characters are accepted",
        ),
    ];
    for (text, reason) in cases {
        assert_eq!(Email::parse(text).unwrap_err().reason, reason, "{text:?}");
    }
    let long_local = format!("{}@example.com", "a".repeat(65));
    assert_eq!(
        Email::parse(&long_local).unwrap_err().reason,
        "the part before the @ is longer than 64 characters"
    );
    let long = format!("{}@{}.com", "a".repeat(60), "b".repeat(200));
    assert_eq!(
        Email::parse(&long).unwrap_err().reason,
        "it is longer than 254 characters"
    );
    assert_eq!(
        Email::parse("jane@localhost").unwrap_err().to_string(),
        "\"jane@localhost\" is not a valid email address: the domain after the @ needs a dot, as in example.com"
    );
    assert!(serde_json::from_str::<Email>("\"not an email\"").is_err());
}

#[test]
fn timestamps_add_seven_days_and_print_as_utc() {
    let t = Timestamp::from_utc(2025, 3, 3, 10, 0);
    assert_eq!(t, Timestamp(1_740_996_000_000));
    assert_eq!(t.to_string(), "2025-03-03 10:00 UTC");
    assert_eq!(t.plus_seven_days(), Timestamp(t.0 + 604_800_000));
    assert_eq!(t.plus_seven_days().to_string(), "2025-03-10 10:00 UTC");
    assert_eq!(
        Timestamp::from_utc(2024, 2, 29, 23, 59).to_string(),
        "2024-02-29 23:59 UTC"
    );
    assert_eq!(Timestamp(0).to_string(), "1970-01-01 00:00 UTC");
    assert_eq!(Timestamp(u64::MAX).plus_days(1), Timestamp(u64::MAX));
    assert_eq!(DEMO_NOW, t);
}

#[test]
fn a_save_over_a_newer_revision_names_who_changed_it() {
    let console = Console::demo();
    let maria = console
        .users()
        .find(|u| u.full_name == "Maria Garcia")
        .unwrap()
        .sid;
    let at = DEMO_NOW;
    let current = Revision::default().next(&Actor::User(maria), at);
    assert_eq!(current.number, 1);
    assert_eq!(
        console.check_revision(&current, 1, "the Flex settings"),
        Ok(())
    );
    let stale = console
        .check_revision(&current, 0, "the Flex settings")
        .unwrap_err();
    assert_eq!(
        stale.to_string(),
        "Maria Garcia changed the Flex settings at 2025-03-03 10:00 UTC, after this form was opened. Load the newer values, then make your change again."
    );
}
