//! One meaning of search everywhere: every word, in any field, ignoring case and accents.

use crate::common::*;
use flex_console_domain::search::{Query, fold, matches, searchable};

#[test]
fn every_word_is_found_in_some_field_whatever_the_case_accents_and_order() {
    let fields = ["María García", "maria.garcia@example.com"];
    assert!(matches("", &fields), "an empty query finds everything");
    assert!(matches("maria garcia", &fields));
    assert!(matches("GARCÍA maría", &fields));
    assert!(
        matches("garcia example", &fields),
        "words may come from different fields"
    );
    assert!(!matches("maria chen", &fields), "every word must be found");
    assert_eq!(fold("Ñúñez Straße Œuvre"), "nunez strasse oeuvre");
}

#[test]
fn folding_once_searches_the_same() {
    let fields = [
        "Zoë Park",
        "zoe.park@globex.example.com",
        "WK0123456789abcdef0123456789abcdef",
    ];
    let text = searchable(&fields);
    for query in [
        "zoe",
        "ZOË park",
        "wk0123 park",
        "park zoe globex",
        "nobody",
        "",
    ] {
        let q = Query::new(query);
        assert_eq!(q.matches_folded(&text), q.matches(&fields), "{query:?}");
    }
}

#[test]
fn members_are_searched_the_same_way() {
    let c = demo();
    let acme = account(&c, ACME);
    let names = |search: &str| -> Vec<String> {
        c.members(&acme, search, None)
            .into_iter()
            .map(|row| row.user.full_name.clone())
            .collect()
    };
    assert_eq!(names("garcia maria"), ["Maria Garcia"]);
    assert_eq!(names("GARCÍA"), ["Maria Garcia"]);
    assert!(names("maria kim").is_empty());
}
