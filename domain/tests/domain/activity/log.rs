//! The activity log across a signed-in user's accounts, sign-ups in it, and the filters both
//! logs share: person, kind, account, text and whole UTC days.

use crate::common::*;
use flex_console_domain::activity::person_key;
use flex_console_domain::*;
use std::collections::BTreeSet;

fn all() -> ActivityFilter {
    ActivityFilter::default()
}

fn texts(c: &Console, entries: &[&Event]) -> Vec<String> {
    entries.iter().map(|e| c.describe(e)).collect()
}

/// The emails of the sign-ups among `entries`.
fn signed_up(entries: &[&Event]) -> BTreeSet<String> {
    entries
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::SignedUp { email, .. } => Some(email.to_string()),
            _ => None,
        })
        .collect()
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn days(from: &str, to: &str) -> DateRange {
    DateRange::parse(from, to).unwrap()
}

// ---------- across accounts ----------

#[test]
fn the_console_log_holds_every_entry_of_each_account_of_the_user_and_names_it() {
    let c = demo();
    let maria = user_sid(&c, MARIA);
    let (acme, globex) = (account(&c, ACME), account(&c, GLOBEX));
    let log = c.console_activity(&maria, &all());
    let of = |sid: &AccountSid| {
        log.iter()
            .filter(|e| e.account.as_ref() == Some(sid))
            .count()
    };
    assert_eq!(of(&acme), c.activity(&acme, &all()).len(), "all of Acme");
    assert_eq!(
        of(&globex),
        c.activity(&globex, &all()).len(),
        "all of Globex"
    );
    assert!(of(&acme) > 0 && of(&globex) > 0);
    let others = log
        .iter()
        .filter(|e| {
            e.account
                .as_ref()
                .is_some_and(|a| a != &acme && a != &globex)
        })
        .count();
    assert_eq!(
        others, 0,
        "nothing of accounts Maria is not in (Initech, Umbrella)"
    );
    assert!(
        log.windows(2).all(|w| w[0].at >= w[1].at),
        "newest first across accounts"
    );
    let choices = c.console_activity_choices(&maria);
    let names: Vec<&str> = choices.accounts.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, [ACME, GLOBEX]);
    assert!(choices.people.iter().any(|(_, n)| n == "James Chen"));
    assert!(
        choices
            .people
            .iter()
            .any(|(_, n)| n == "Daniel Wright (SSO)")
    );
    let mut sorted = choices.people.clone();
    sorted.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(choices.people, sorted, "people by name");
}

#[test]
fn a_member_removed_no_longer_sees_that_accounts_log() {
    let mut c = demo();
    let maria = user_sid(&c, MARIA);
    let globex = account(&c, GLOBEX);
    let before = c.console_activity(&maria, &all()).len();
    ok_by(
        &mut c,
        JAMES,
        Command::RemoveMember {
            account: globex,
            user: maria,
        },
    );
    let log = c.console_activity(&maria, &all());
    assert!(log.iter().all(|e| e.account.as_ref() != Some(&globex)));
    assert!(log.len() < before);
    let only_globex = ActivityFilter {
        account: Some(globex),
        ..all()
    };
    assert!(
        c.console_activity(&maria, &only_globex).is_empty(),
        "asking for the account by name shows nothing either"
    );
}

// ---------- sign-ups ----------

#[test]
fn sign_ups_shown_are_the_users_own_and_those_of_the_members_of_their_accounts() {
    let mut c = demo();
    let maria = user_sid(&c, MARIA);
    let seen = signed_up(&c.console_activity(&maria, &all()));
    // Acme: Maria, Priya, Liam, Noah; Globex: James, Maria, Liam, Sofia (Grace joined by
    // accepting as an email: no sign-up). Not Emma (Initech) nor Ahmed (Umbrella, Hooli).
    let expected: BTreeSet<String> = [MARIA, PRIYA, LIAM, NOAH, JAMES, SOFIA]
        .map(String::from)
        .into();
    assert_eq!(seen, expected);
    let sign_up = c
        .console_activity(&maria, &all())
        .into_iter()
        .find(|e| matches!(e.kind, EventKind::SignedUp { .. }) && e.by == Actor::Email(email(NOAH)))
        .unwrap();
    assert_eq!(sign_up.account, None, "a sign-up is of no account");
    assert_eq!(c.person_name(sign_up), "Noah Kim", "by the user it created");
    assert_eq!(c.describe(sign_up), "Signed up as noah.kim@example.com");

    // Emma joins Acme: her sign-up is now among Maria's.
    let acme = account(&c, ACME);
    let invite = Command::Invite {
        account: acme,
        email: email(EMMA),
        roles: roles(&[ConsoleRole::Developer]),
    };
    ok_by(&mut c, MARIA, invite);
    let invitation = invitation_for(&c, &acme, EMMA);
    ok_by(
        &mut c,
        EMMA,
        Command::AcceptInvitation {
            account: acme,
            invitation,
            full_name: None,
        },
    );
    assert!(signed_up(&c.console_activity(&maria, &all())).contains(EMMA));
}

#[test]
fn a_new_user_without_accounts_sees_their_own_sign_up_only() {
    let mut c = demo();
    let event = ok(
        &mut c,
        &Actor::Email(email("new.person@example.com")),
        Command::SignUp {
            full_name: "New Person".into(),
        },
    );
    let EventKind::SignedUp { user, .. } = event.kind else {
        panic!()
    };
    let log = c.console_activity(&user, &all());
    assert_eq!(texts(&c, &log), ["Signed up as new.person@example.com"]);
    let choices = c.console_activity_choices(&user);
    assert_eq!(
        choices.people,
        [(user.to_string(), "New Person".to_owned())]
    );
    assert!(choices.accounts.is_empty());
    let theirs = ActivityFilter {
        actor: Some(person_key(log[0])),
        ..all()
    };
    assert_eq!(
        c.console_activity(&user, &theirs).len(),
        1,
        "under their own name"
    );
}

#[test]
fn the_index_of_sign_ups_survives_export_and_import() {
    let c = demo();
    let back = Console::from_json(&c.to_json().unwrap()).unwrap();
    let maria = user_sid(&c, MARIA);
    assert_eq!(
        back.console_activity(&maria, &all()),
        c.console_activity(&maria, &all())
    );
}

// ---------- filters ----------

#[test]
fn the_text_filter_finds_the_sentence_the_person_and_the_account_ignoring_case() {
    let c = demo();
    let maria = user_sid(&c, MARIA);
    let find = |text: &str| {
        c.console_activity(
            &maria,
            &ActivityFilter {
                text: text.into(),
                ..all()
            },
        )
    };
    let bought = find("BOUGHT (212)");
    assert_eq!(texts(&c, &bought), ["Bought (212) 555-0110"]);
    let by_sofia = find("sofia rossi");
    assert!(!by_sofia.is_empty());
    assert!(
        by_sofia
            .iter()
            .all(|e| c.person_name(e) == "Sofia Rossi" || c.describe(e).contains("sofia.rossi@")),
        "by Sofia, or her invitation"
    );
    let globex = account(&c, GLOBEX);
    let in_globex = find("globex");
    assert_eq!(
        in_globex.len(),
        c.activity(&globex, &all()).len(),
        "every entry of the account named"
    );
    assert!(find("no such words anywhere").is_empty());
    // The per-account log searches the same way.
    let per_account = c.activity(
        &globex,
        &ActivityFilter {
            text: "bought (212)".into(),
            ..all()
        },
    );
    assert_eq!(texts(&c, &per_account), ["Bought (212) 555-0110"]);
}

#[test]
fn the_date_filter_keeps_whole_utc_days_both_included() {
    let c = demo();
    let maria = user_sid(&c, MARIA);
    let on = |range: DateRange| {
        c.console_activity(
            &maria,
            &ActivityFilter {
                days: range,
                ..all()
            },
        )
    };
    // Everyone signed up on 2025-01-06 at 09:00; Acme was created the day after.
    let first_day = on(days("2025-01-06", "2025-01-06"));
    assert_eq!(first_day.len(), 6);
    assert!(
        first_day
            .iter()
            .all(|e| matches!(e.kind, EventKind::SignedUp { .. }))
    );
    let to_first = on(days("", "2025-01-06"));
    assert_eq!(to_first, first_day, "an open start");
    let second = on(days("2025-01-07", "2025-01-07"));
    assert!(texts(&c, &second).contains(&"Created the Full account Acme Support".to_owned()));
    let both = on(days("2025-01-06", "2025-01-07"));
    assert_eq!(
        both.len(),
        first_day.len() + second.len(),
        "both ends included"
    );
    let from_second = on(days("2025-01-07", ""));
    assert_eq!(
        from_second.len() + first_day.len(),
        on(DateRange::ALL).len(),
        "an open end"
    );
    assert!(on(days("2024-12-01", "2024-12-31")).is_empty());
    // The same on an account's log.
    let acme = account(&c, ACME);
    let acme_second = c.activity(
        &acme,
        &ActivityFilter {
            days: days("2025-01-07", "2025-01-07"),
            ..all()
        },
    );
    assert!(!acme_second.is_empty());
    assert!(
        acme_second
            .iter()
            .all(|e| Date::of(e.at) == day("2025-01-07"))
    );
}

#[test]
fn person_kind_and_account_filters_combine() {
    let c = demo();
    let maria = user_sid(&c, MARIA);
    let (liam, globex) = (user_sid(&c, LIAM), account(&c, GLOBEX));
    let filter = ActivityFilter {
        actor: Some(liam.to_string()),
        kind: Some(ActivityKind::PhoneNumbers),
        account: Some(globex),
        ..all()
    };
    let log = c.console_activity(&maria, &filter);
    assert_eq!(
        texts(&c, &log),
        [
            "Bought (312) 555-0120",
            "Routed (212) 555-0110 to the Studio flow Voice IVR",
            "Bought (212) 555-0110"
        ]
    );
    let acme_numbers = c.console_activity(
        &maria,
        &ActivityFilter {
            account: Some(account(&c, ACME)),
            ..filter.clone()
        },
    );
    assert!(
        acme_numbers
            .iter()
            .all(|e| e.account == Some(account(&c, ACME)))
    );
    assert!(!acme_numbers.is_empty(), "Liam bought Acme's numbers too");
    // Liam's own sign-up is his, under the person filter.
    let liams = c.console_activity(
        &maria,
        &ActivityFilter {
            actor: Some(liam.to_string()),
            kind: Some(ActivityKind::Users),
            ..all()
        },
    );
    assert!(texts(&c, &liams).contains(&"Signed up as liam.obrien@example.com".to_owned()));
}

// ---------- dates ----------

#[test]
fn dates_are_read_as_yyyy_mm_dd_and_checked_against_the_calendar() {
    assert_eq!(
        day("2025-03-03").start(),
        Timestamp::from_utc(2025, 3, 3, 0, 0)
    );
    assert_eq!(day("2024-02-29").to_string(), "2024-02-29", "a leap day");
    assert_eq!(
        day("2000-02-29").to_string(),
        "2000-02-29",
        "every 400 years"
    );
    assert_eq!(
        Date::of(Timestamp::from_utc(2025, 3, 3, 23, 59)),
        day("2025-03-03")
    );
    for bad in [
        "",
        "2025-3-3",
        "2025-02-29",
        "1900-02-29",
        "2025-13-01",
        "2025-00-10",
        "2025-04-31",
        "2025-01-00",
        "abcd-ef-gh",
        "2025/03/03",
        "1969-12-31",
        "+025-03-03",
        "2025-03-03x",
        "２０２５-03-03",
    ] {
        let error = Date::parse(bad).expect_err(bad);
        assert_eq!(
            error.to_string(),
            format!(
                "“{bad}” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-03, from 1970 on."
            )
        );
    }
}

#[test]
fn a_range_from_after_to_is_refused_with_a_message_and_a_bad_end_is_named() {
    let error = DateRange::parse("2025-03-05", "2025-03-01").unwrap_err();
    assert_eq!(
        error.to_string(),
        "The “from” date (2025-03-05) is after the “to” date (2025-03-01): no day is in between. Swap them or change one."
    );
    assert_eq!(
        DateRange::parse("2025-03-01", "2025-02-30")
            .unwrap_err()
            .to_string(),
        "The “to” date: “2025-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2025-03-03, from 1970 on."
    );
    assert!(matches!(
        DateRange::parse("soon", "").unwrap_err(),
        DateRangeError::NotADate { end: "from", .. }
    ));
    let one_day = days("2025-03-03", "2025-03-03");
    assert!(one_day.contains(Timestamp::from_utc(2025, 3, 3, 0, 0)));
    assert!(one_day.contains(Timestamp::from_utc(2025, 3, 3, 23, 59)));
    assert!(!one_day.contains(Timestamp::from_utc(2025, 3, 4, 0, 0)));
    assert!(!one_day.contains(Timestamp::from_utc(2025, 3, 2, 23, 59)));
    assert_eq!(
        days(" ", ""),
        DateRange::ALL,
        "empty fields leave the range open"
    );
}
