//! The palette's search: what it finds for a user, and in what order.

use flex_console::components::palette::index::{Group, entries, results};
use flex_console::domain::{Console, DEMO_NOW};
use wasm_bindgen_test::wasm_bindgen_test;

fn demo_for(
    name: &str,
) -> (
    Console,
    flex_console::domain::UserSid,
    flex_console::domain::AccountSid,
) {
    let c = Console::demo();
    let user = c.users().find(|u| u.full_name == name).unwrap().sid;
    let acme = c
        .accounts()
        .find(|a| a.friendly_name == "Acme Support")
        .unwrap()
        .sid;
    (c, user, acme)
}

#[wasm_bindgen_test]
fn the_best_match_comes_first_whatever_its_kind() {
    let (c, maria, acme) = demo_for("Maria Garcia");
    let all = entries(&c, maria, Some(acme), DEMO_NOW);
    let labels = |typed: &str| -> Vec<String> {
        results(&all, typed, 6)
            .into_iter()
            .map(|e| e.label.clone())
            .collect()
    };
    assert_eq!(labels("twiml")[0], "TwiML Bins", "a page by its name");
    // "ch": a name that starts with it beats a page that only contains it ("Switch user").
    assert_eq!(labels("ch")[0], "Chloe Nguyen");
    // A SID typed in full is the first result, in any case.
    let chloe = all
        .iter()
        .find(|e| e.label == "Chloe Nguyen")
        .unwrap()
        .sid
        .clone()
        .unwrap();
    assert_eq!(labels(&chloe.to_uppercase())[0], "Chloe Nguyen");
    // Accents and the order of words do not count.
    assert!(labels("GARCÍA maria").contains(&"Maria Garcia".to_owned()));
    // No more than six of a kind.
    let workers = results(&all, "", 6)
        .into_iter()
        .filter(|e| e.group == Group::Worker)
        .count();
    assert!(workers <= 6);
}

#[wasm_bindgen_test]
fn only_what_the_user_may_see_is_found() {
    let (c, noah, acme) = demo_for("Noah Kim");
    let all = entries(&c, noah, Some(acme), DEMO_NOW);
    // Support (on Acme) may not open Flex users, Manage users or the product pages, nor invite;
    // Noah administers Umbrella Retail, whose members he does see.
    let in_acme =
        |e: &&flex_console::components::palette::index::Entry| e.target.account == Some(acme);
    assert!(
        all.iter()
            .filter(in_acme)
            .all(|e| e.group != Group::Worker && e.group != Group::Member)
    );
    assert!(all.iter().any(|e| e.group == Group::Member && !in_acme(&e)));
    assert!(!all.iter().any(|e| e.label == "Invite user"));
    assert!(!all.iter().any(|e| e.label == "TwiML Bins"));
    // Its own accounts only.
    let accounts: Vec<&str> = all
        .iter()
        .filter(|e| e.group == Group::Account)
        .map(|e| e.label.as_str())
        .collect();
    assert!(
        accounts.contains(&"Acme Support") && !accounts.contains(&"Initech Labs"),
        "{accounts:?}"
    );
}
