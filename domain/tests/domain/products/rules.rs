//! Phone numbers, Studio flows, TwiML Bins and the activity log: one test per rule.

use crate::common::*;
use flex_console_domain::*;

fn flow_named(c: &Console, account: &AccountSid, name: &str) -> StudioFlowSid {
    let flex = c.account(account).unwrap().flex.as_ref().unwrap();
    flex.studio_flows
        .iter()
        .find(|f| f.friendly_name == name)
        .unwrap_or_else(|| panic!("no flow {name}"))
        .sid
}

fn number_sid(c: &Console, account: &AccountSid, e164: &str) -> PhoneNumberSid {
    let numbers = &c.account(account).unwrap().phone_numbers;
    numbers
        .values()
        .find(|n| n.phone_number == e164)
        .unwrap_or_else(|| panic!("no number {e164}"))
        .sid
}

fn buy(account: &AccountSid, e164: &str) -> Command {
    Command::BuyPhoneNumber {
        account: *account,
        phone_number: e164.into(),
    }
}

const GOOD: &str = "<Response><Say>Hello</Say></Response>";

// ---------- phone numbers ----------

#[test]
fn a_developer_buys_an_offered_number_and_it_is_offered_no_more() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let offered = c.available_numbers(Some("617"), "", 5);
    assert_eq!(offered.len(), 5);
    let pick = offered[2].clone();
    let event = ok_by(&mut c, LIAM, buy(&globex, &pick.phone_number));
    let EventKind::PhoneNumberBought {
        number,
        phone_number,
    } = &event.kind
    else {
        panic!("{event:?}")
    };
    assert_eq!(phone_number, &pick.phone_number);
    let bought = &c.account(&globex).unwrap().phone_numbers[number];
    assert!(bought.sid.as_str().starts_with("PN"));
    assert_eq!(bought.capabilities, pick.capabilities);
    assert_eq!(bought.locality, "Boston, MA");
    assert_eq!(bought.studio_flow, None);
    assert!(
        !c.available_numbers(Some("617"), "", 100).contains(&pick),
        "an owned number is not offered"
    );
    let acme = account(&c, ACME);
    let message = refused_by(&mut c, MARIA, buy(&acme, &pick.phone_number));
    assert!(message.contains("is not available to buy"), "{message}");
}

#[test]
fn numbers_outside_the_list_are_refused() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    for bad in ["+19995550100", "4155550142", "", "+1415555014x"] {
        let message = refused_by(&mut c, LIAM, buy(&globex, bad));
        assert!(message.contains("not available to buy"), "{bad}: {message}");
    }
}

#[test]
fn the_search_filters_by_area_code_and_digits() {
    let c = demo();
    let found = c.available_numbers(Some("312"), "01 2", 10);
    assert!(!found.is_empty());
    assert!(found.iter().all(|n| n.phone_number.starts_with("+1312")
        && n.phone_number.contains("012")
        && n.locality == "Chicago, IL"));
    // The demo owns (312) 555-0120: never offered.
    assert!(found.iter().all(|n| n.phone_number != "+13125550120"));
}

#[test]
fn a_trial_account_holds_one_number() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    ok_by(&mut c, PRIYA, buy(&initech, "+12065550100"));
    let message = refused_by(&mut c, PRIYA, buy(&initech, "+12065550101"));
    assert_eq!(
        message,
        "A trial account can have only one phone number; release it or upgrade the account to buy more."
    );
}

#[test]
fn billing_managers_and_support_cannot_touch_products() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let number = number_sid(&c, &globex, "+12125550110");
    let ivr = flow_named(&c, &globex, "Voice IVR");
    let commands = [
        buy(&globex, "+12065550150"),
        Command::ReleasePhoneNumber {
            account: globex,
            number,
        },
        Command::RoutePhoneNumber {
            account: globex,
            number,
            flow: None,
        },
        Command::DeleteStudioFlow {
            account: globex,
            flow: ivr,
        },
        Command::CreateTwimlBin {
            account: globex,
            friendly_name: "X".into(),
            twiml: GOOD.into(),
        },
    ];
    for (who, role) in [(SOFIA, "Billing Manager"), (MARIA, "Support")] {
        for command in commands.clone() {
            let action = command.action();
            let message = refused_by(&mut c, who, command);
            assert_eq!(
                message,
                format!(
                    "{action} needs the Owner, Administrator or Developer role. You are {role} on Globex Contact Center."
                )
            );
        }
    }
}

#[test]
fn routing_a_number_to_a_flow_and_back() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let number = number_sid(&c, &globex, "+13125550120");
    let ivr = flow_named(&c, &globex, "Voice IVR");
    let event = ok_by(
        &mut c,
        LIAM,
        Command::RoutePhoneNumber {
            account: globex,
            number,
            flow: Some(ivr),
        },
    );
    assert_eq!(
        c.describe(&event),
        "Routed (312) 555-0120 to the Studio flow Voice IVR"
    );
    let mut routed: Vec<&str> = c
        .numbers_routed_to(&globex, &ivr)
        .map(|n| n.phone_number.as_str())
        .collect();
    routed.sort();
    assert_eq!(routed, ["+12125550110", "+13125550120"]);
    ok_by(
        &mut c,
        LIAM,
        Command::RoutePhoneNumber {
            account: globex,
            number,
            flow: None,
        },
    );
    assert_eq!(c.numbers_routed_to(&globex, &ivr).count(), 1);
    // A flow of another account is not this account's.
    let acme = account(&c, ACME);
    let other = flow_named(&c, &acme, "Voice IVR");
    let message = refused_by(
        &mut c,
        LIAM,
        Command::RoutePhoneNumber {
            account: globex,
            number,
            flow: Some(other),
        },
    );
    assert_eq!(
        message,
        format!("There is no Studio flow {other} in this account.")
    );
}

#[test]
fn releasing_a_number_makes_it_available_again() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let number = number_sid(&c, &acme, "+14155550100");
    assert!(c.available_numbers(Some("415"), "0100", 5).is_empty());
    let event = ok_by(
        &mut c,
        LIAM,
        Command::ReleasePhoneNumber {
            account: acme,
            number,
        },
    );
    assert_eq!(c.describe(&event), "Released (415) 555-0100");
    assert!(
        !c.account(&acme)
            .unwrap()
            .phone_numbers
            .contains_key(&number)
    );
    assert_eq!(c.available_numbers(Some("415"), "0100", 5).len(), 1);
    let message = refused_by(
        &mut c,
        LIAM,
        Command::ReleasePhoneNumber {
            account: acme,
            number,
        },
    );
    assert_eq!(
        message,
        "The phone number (415) 555-0100 was released from this account."
    );
}

// ---------- Studio ----------

#[test]
fn deleting_a_flow_unroutes_what_used_it() {
    let mut c = demo();
    let acme = account(&c, ACME);
    let messaging = flow_named(&c, &acme, "Messaging Flow");
    let event = ok_by(
        &mut c,
        LIAM,
        Command::DeleteStudioFlow {
            account: acme,
            flow: messaging,
        },
    );
    assert_eq!(
        c.describe(&event),
        "Deleted the Studio flow Messaging Flow; no longer routed: (415) 555-0101, Flex Messaging Channel"
    );
    let a = c.account(&acme).unwrap();
    let flex = a.flex.as_ref().unwrap();
    assert!(flex.studio_flows.iter().all(|f| f.sid != messaging));
    assert_eq!(flex.flex_flows[0].studio_flow, None);
    assert!(
        flex.flex_flows[1].studio_flow.is_some(),
        "the web channel keeps its flow"
    );
    let number = number_sid(&c, &acme, "+14155550101");
    assert_eq!(a.phone_numbers[&number].studio_flow, None);
    c.validate().unwrap();
    let message = refused_by(
        &mut c,
        LIAM,
        Command::DeleteStudioFlow {
            account: acme,
            flow: messaging,
        },
    );
    assert_eq!(
        message,
        "The Studio flow Messaging Flow was deleted from this account."
    );
}

// ---------- TwiML Bins ----------

#[test]
fn a_twiml_bin_is_created_and_edited_with_valid_twiml() {
    let mut c = demo();
    let initech = account(&c, INITECH);
    let event = ok_by(
        &mut c,
        EMMA,
        Command::CreateTwimlBin {
            account: initech,
            friendly_name: "  Greeting ".into(),
            twiml: GOOD.into(),
        },
    );
    let EventKind::TwimlBinCreated { bin, .. } = event.kind else {
        panic!()
    };
    let stored = &c.account(&initech).unwrap().twiml_bins[&bin];
    assert_eq!(stored.friendly_name, "Greeting");
    assert!(stored.sid.as_str().starts_with("EH"));
    assert_eq!(
        stored.url(),
        format!("https://handler.twilio.com/twiml/{bin}")
    );
    let changed = "<Response>\n  <Hangup/>\n</Response>";
    ok_by(
        &mut c,
        EMMA,
        Command::UpdateTwimlBin {
            account: initech,
            bin,
            friendly_name: "Hang up".into(),
            twiml: changed.into(),
            revision: None,
        },
    );
    let stored = &c.account(&initech).unwrap().twiml_bins[&bin];
    assert_eq!(
        (stored.friendly_name.as_str(), stored.twiml.as_str()),
        ("Hang up", changed)
    );
    ok_by(
        &mut c,
        EMMA,
        Command::DeleteTwimlBin {
            account: initech,
            bin,
        },
    );
    assert!(c.account(&initech).unwrap().twiml_bins.is_empty());
}

#[test]
fn invalid_twiml_is_refused_with_where_and_why() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let create = |twiml: &str| Command::CreateTwimlBin {
        account: globex,
        friendly_name: "Broken".into(),
        twiml: twiml.into(),
    };
    assert_eq!(
        refused_by(&mut c, LIAM, create("<Response>\n<Say>Hi</Response>")),
        "The TwiML is not valid at line 2, column 8: </Response> closes <Say>; close it with </Say> first."
    );
    assert_eq!(
        refused_by(&mut c, LIAM, create("<Say>Hi</Say>")),
        "The TwiML is not valid at line 1, column 1: the root element must be <Response>, not <Say>."
    );
    assert_eq!(
        refused_by(
            &mut c,
            LIAM,
            create(&format!("<Response>{}</Response>", "a".repeat(10_000)))
        ),
        "The TwiML is too long; a TwiML Bin holds at most 10,000 characters; this has 10,021."
    );
    let bin = *c
        .account(&globex)
        .unwrap()
        .twiml_bins
        .keys()
        .next()
        .unwrap();
    let message = refused_by(
        &mut c,
        LIAM,
        Command::UpdateTwimlBin {
            account: globex,
            bin,
            friendly_name: "After-hours message".into(),
            twiml: "<Response><Say>Closed</Say>".into(),
            revision: None,
        },
    );
    assert!(message.contains("<Response> is never closed"), "{message}");
    let message = refused_by(
        &mut c,
        LIAM,
        Command::CreateTwimlBin {
            account: globex,
            friendly_name: " ".into(),
            twiml: GOOD.into(),
        },
    );
    assert_eq!(message, "The TwiML Bin name must not be empty.");
}

// ---------- activity log ----------

#[test]
fn every_change_is_on_record_with_who_and_when_and_refusals_are_not() {
    let mut c = demo();
    let globex = account(&c, GLOBEX);
    let before = c.activity_log().len();
    refused_by(&mut c, SOFIA, buy(&globex, "+12065550100"));
    assert_eq!(c.activity_log().len(), before, "a refusal is not a change");
    let invite = Command::Invite {
        account: globex,
        email: email("new.agent@example.com"),
        roles: roles(&[ConsoleRole::Developer]),
    };
    ok_by(&mut c, JAMES, invite);
    ok_by(&mut c, LIAM, buy(&globex, "+12065550100"));
    let log = c.activity(&globex, &ActivityFilter::default());
    assert_eq!(
        log.len(),
        c.activity_log()
            .iter()
            .filter(|e| e.account.as_ref() == Some(&globex))
            .count()
    );
    let newest: Vec<(String, String)> = log[..2]
        .iter()
        .map(|e| (c.actor_name(&e.by), c.describe(e)))
        .collect();
    assert_eq!(
        newest,
        [
            (
                "Liam O'Brien".to_owned(),
                "Bought (206) 555-0100".to_owned()
            ),
            (
                "James Chen".to_owned(),
                "Invited new.agent@example.com as Developer".to_owned()
            ),
        ]
    );
    assert!(log.windows(2).all(|w| w[0].at >= w[1].at), "newest first");
}

#[test]
fn the_log_filters_by_person_and_kind() {
    let c = demo();
    let globex = account(&c, GLOBEX);
    let liam = user_sid(&c, LIAM).to_string();
    let by_liam = c.activity(
        &globex,
        &ActivityFilter {
            actor: Some(liam.clone()),
            ..ActivityFilter::default()
        },
    );
    assert!(!by_liam.is_empty());
    assert!(
        by_liam
            .iter()
            .all(|e| e.by.user().map(|u| u.to_string()) == Some(liam.clone()))
    );
    let numbers = c.activity(
        &globex,
        &ActivityFilter {
            kind: Some(ActivityKind::PhoneNumbers),
            ..ActivityFilter::default()
        },
    );
    let said: Vec<String> = numbers.iter().map(|e| c.describe(e)).collect();
    assert_eq!(
        said,
        [
            "Bought (312) 555-0120",
            "Routed (212) 555-0110 to the Studio flow Voice IVR",
            "Bought (212) 555-0110",
        ]
    );
    let people: Vec<String> = c
        .activity_actors(&globex)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    assert!(
        people.contains(&"Daniel Wright (SSO)".to_owned()),
        "{people:?}"
    );
    assert!(
        people.contains(&"grace.lee@example.com".to_owned()),
        "{people:?}"
    );
    for kind in ActivityKind::ALL {
        assert_eq!(ActivityKind::from_key(kind.key()), Some(kind));
    }
}

#[test]
fn the_log_is_exported_and_read_back() {
    let c = demo();
    let json = c.to_json().unwrap();
    let back = Console::from_json(&json).unwrap();
    assert_eq!(back.activity_log(), c.activity_log());
    let globex = account(&c, GLOBEX);
    assert_eq!(
        back.activity(&globex, &ActivityFilter::default()),
        c.activity(&globex, &ActivityFilter::default())
    );
    // Data saved before the log was kept still loads, with an empty log.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value.as_object_mut().unwrap().remove("activity");
    let old = Console::from_json(&value.to_string()).unwrap();
    assert!(old.activity_log().is_empty());
}

#[test]
fn imported_products_are_validated() {
    let c = demo();
    let acme = account(&c, ACME);
    let number = number_sid(&c, &acme, "+14155550100");
    let mut value: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    value["accounts"][acme.as_str()]["phone_numbers"][number.as_str()]["phone_number"] =
        "+12125550110".into();
    let error = Console::from_json(&value.to_string())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("phone_number")
            && error.contains("another phone number entry has this number"),
        "{error}"
    );
}
