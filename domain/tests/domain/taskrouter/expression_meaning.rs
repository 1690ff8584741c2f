//! What TaskRouter expressions mean: each operator, the type rules, NULL, the clock and the
//! Skip If counts.

use flex_console_domain::taskrouter::expression::*;
use flex_console_domain::{DEMO_NOW, Timestamp};
use serde_json::{Value, json};
use std::borrow::Cow;

/// Whether the queue expression `text` matches a worker with `attributes`.
fn worker_matches(text: &str, attributes: &Value) -> bool {
    let e = Expression::parse(text, Scope::Queue).unwrap();
    e.evaluate(&Bindings::at(DEMO_NOW).with_worker(attributes))
}

/// Whether the filter expression `text` matches a task with `attributes` at `now`.
fn task_matches_at(text: &str, attributes: &Value, now: Timestamp) -> bool {
    let e = Expression::parse(text, Scope::Filter).unwrap();
    e.evaluate(&Bindings::at(now).with_task(attributes))
}

fn task_matches(text: &str, attributes: &Value) -> bool {
    task_matches_at(text, attributes, DEMO_NOW)
}

#[test]
fn the_documentation_examples_mean_what_the_documentation_says() {
    let sales = json!({"routing": {"skills": ["sales", "support"]}});
    assert!(worker_matches("routing.skills HAS 'sales'", &sales));
    assert!(!worker_matches("routing.skills HAS 'spanish'", &sales));
    assert!(!worker_matches("routing.skills HAS 'sales'", &json!({})));

    assert!(task_matches(
        r#"language IN ["en","es"]"#,
        &json!({"language": "es"})
    ));
    assert!(!task_matches(
        r#"language IN ["en","es"]"#,
        &json!({"language": "fr"})
    ));
    assert!(!task_matches(r#"language IN ["en","es"]"#, &json!({})));

    let abc = json!({"object": {"array": ["a", "b", "c"]}});
    assert!(task_matches(r#"object.array[2] == "c""#, &abc));
    assert!(!task_matches(r#"object.array[1] == "c""#, &abc));
    assert!(task_matches("object.array[3] == null", &abc));

    assert!(task_matches(
        "preferred_agents != null",
        &json!({"preferred_agents": ["WKa"]})
    ));
    assert!(task_matches(
        "preferred_agents != null",
        &json!({"preferred_agents": "WKa"})
    ));
    assert!(!task_matches("preferred_agents != null", &json!({})));
    assert!(!task_matches(
        "preferred_agents != null",
        &json!({"preferred_agents": null})
    ));

    let step = Expression::parse(
        "task.subSection = worker.specializedSubField",
        Scope::Target,
    )
    .unwrap();
    let task = json!({"subSection": "billing"});
    let billing = json!({"specializedSubField": "billing"});
    let sales = json!({"specializedSubField": "sales"});
    let at = Bindings::at(DEMO_NOW).with_task(&task);
    assert!(step.evaluate(&at.with_worker(&billing)));
    assert!(!step.evaluate(&at.with_worker(&sales)));
}

#[test]
fn the_clock_reads_the_time_given_in_utc() {
    let saturday = Timestamp::from_utc(2025, 3, 8, 12, 0);
    let monday = Timestamp::from_utc(2025, 3, 3, 12, 0);
    let none = json!({});
    assert!(task_matches_at(
        "taskrouter.dayOfWeek = 'Sat'",
        &none,
        saturday
    ));
    assert!(!task_matches_at(
        "taskrouter.dayOfWeek = 'Sat'",
        &none,
        monday
    ));
    assert!(task_matches_at(
        "taskrouter.dayOfWeek == 'Mon'",
        &none,
        monday
    ));
    // Values are case-sensitive.
    assert!(!task_matches_at(
        "taskrouter.dayOfWeek == 'MON'",
        &none,
        monday
    ));
    let days: Vec<bool> = (0..7)
        .map(|d| {
            task_matches_at(
                "taskrouter.dayOfWeek IN ['Sat', 'Sun']",
                &none,
                monday.plus_days(d),
            )
        })
        .collect();
    assert_eq!(days, [false, false, false, false, false, true, true]);

    let office = "taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830";
    for (hour, minute, open) in [
        (7, 59, false),
        (8, 0, false),
        (8, 1, true),
        (12, 0, true),
        (18, 29, true),
        (18, 30, false),
        (23, 59, false),
    ] {
        let at = Timestamp::from_utc(2025, 3, 3, hour, minute);
        assert_eq!(task_matches_at(office, &none, at), open, "{hour}:{minute}");
    }
    let hours = "taskrouter.currentHour > 8 AND taskrouter.currentHour < 18";
    assert!(!task_matches_at(
        hours,
        &none,
        Timestamp::from_utc(2025, 3, 3, 8, 59)
    ));
    assert!(task_matches_at(
        hours,
        &none,
        Timestamp::from_utc(2025, 3, 3, 9, 0)
    ));
    assert!(task_matches_at(
        hours,
        &none,
        Timestamp::from_utc(2025, 3, 3, 17, 59)
    ));
    assert!(!task_matches_at(
        hours,
        &none,
        Timestamp::from_utc(2025, 3, 3, 18, 0)
    ));
    let at = Timestamp::from_utc(2025, 3, 3, 9, 7);
    assert!(task_matches_at("taskrouter.currentMin == 7", &none, at));
    assert!(task_matches_at("taskrouter.currentTime == 907", &none, at));
}

#[test]
fn skip_if_reads_the_counts_given() {
    let counts = |name: &str| match name {
        "available" => Some(0),
        "unavailable" => Some(3),
        "WAbreak" => Some(1),
        _ => None,
    };
    let skips = |text: &str| {
        Expression::parse(text, Scope::SkipIf)
            .unwrap()
            .evaluate(&Bindings::at(DEMO_NOW).with_workers(&counts))
    };
    assert!(skips("workers.available == 0"));
    assert!(!skips("workers.unavailable == 0"));
    assert!(skips("workers.WAbreak < 2 OR workers.WAlunch < 2"));
    assert!(!skips("workers.WAlunch < 2"), "an unknown activity is NULL");
    assert!(skips("workers.WAlunch == null"));
    assert!(skips("1==1"));
    let nothing = Expression::parse("workers.available == 0", Scope::SkipIf).unwrap();
    assert!(!nothing.evaluate(&Bindings::at(DEMO_NOW)));
}

#[test]
fn scalar_operators_compare_numbers_and_strings() {
    let w = json!({"n": 5, "f": 2.5, "s": "sales", "b": true});
    for (text, expected) in [
        ("n == 5", true),
        ("n = 5", true),
        ("n == 5.0", true),
        ("5 == n", true),
        ("n != 5", false),
        ("n != 4", true),
        ("n > 4", true),
        ("n > 5", false),
        ("n >= 5", true),
        ("n < 5", false),
        ("n <= 5", true),
        ("4 < n", true),
        ("f > 2", true),
        ("f < 2.51", true),
        ("s == 'sales'", true),
        ("s == \"sales\"", true),
        ("s == 'Sales'", false),
        ("s != 'support'", true),
        ("s > 'a'", true),
        ("s < 'support'", true),
        ("s CONTAINS 'ale'", true),
        ("s CONTAINS 'sales'", true),
        ("s CONTAINS ''", true),
        ("s CONTAINS 'x'", false),
        ("'wholesales' CONTAINS s", true),
        ("b == true", true),
        ("b != false", true),
        ("b == false", false),
        // Booleans are not ordered.
        ("b > false", false),
        ("b >= true", false),
    ] {
        assert_eq!(worker_matches(text, &w), expected, "{text}");
    }
}

#[test]
fn array_operators_look_inside_arrays() {
    let w = json!({"skills": ["sales", "spanish"], "levels": [1, 2.5], "lang": "es"});
    for (text, expected) in [
        ("skills HAS 'sales'", true),
        ("skills HAS 'support'", false),
        ("levels HAS 2.5", true),
        ("levels HAS 1.0", true),
        ("levels HAS '1'", false),
        ("'sales' IN skills", true),
        ("'support' IN skills", false),
        ("'support' NOT IN skills", true),
        ("'sales' NOT IN skills", false),
        ("lang IN ['en', 'es']", true),
        ("lang IN ['en', 'fr']", false),
        ("lang NOT IN ['en', 'fr']", true),
        ("lang NOT IN ['en', 'es']", false),
        ("lang IN []", false),
        ("lang NOT IN []", true),
        ("['en', 'es'] HAS lang", true),
        ("2 IN [1, 2, 3]", true),
        ("true IN [false]", false),
    ] {
        assert_eq!(worker_matches(text, &w), expected, "{text}");
    }
}

#[test]
fn type_rules_make_mismatches_false() {
    let w = json!({
        "skills": ["sales"], "lang": "en", "n": 1, "text": "1", "flag": true,
        "obj": {"a": 1}, "nested": [["sales"]]
    });
    for text in [
        // Scalar operators on arrays.
        "skills == 'sales'",
        "skills != 'sales'",
        "skills CONTAINS 'sales'",
        "skills > 'a'",
        "['sales'] == skills",
        // Array operators on two scalars.
        "lang HAS 'en'",
        "'en' IN lang",
        "'fr' NOT IN lang",
        "lang IN 'en'",
        // An array is not a value to look for.
        "nested HAS ['sales']",
        "skills IN nested",
        "skills NOT IN nested",
        // Across types, even with != .
        "text == 1",
        "text != 1",
        "n == '1'",
        "n != '1'",
        "n > '0'",
        "flag == 'true'",
        "flag != 1",
        "text CONTAINS 1",
        // Objects only answer to null.
        "obj == 1",
        "obj != 1",
        "obj.a HAS 1",
    ] {
        assert!(!worker_matches(text, &w), "{text}");
    }
    assert!(worker_matches("obj != null", &w));
    assert!(worker_matches("obj.a == 1", &w));
}

#[test]
fn null_is_a_missing_key_and_only_the_constant_null_tests_it() {
    let w = json!({"none": null, "s": "x", "list": ["a"]});
    for (text, expected) in [
        ("missing == null", true),
        ("none == null", true),
        ("null == missing", true),
        ("null == null", true),
        // Two NULLs compared with each other say nothing; only the constant null tests.
        ("missing == none", false),
        ("missing != none", false),
        ("missing != s", false),
        ("missing != null", false),
        ("s != null", true),
        ("s == null", false),
        ("list != null", true),
        ("null != s", true),
        ("missing == 1", false),
        ("missing != 1", false),
        ("missing > 1", false),
        ("missing <= 1", false),
        ("missing CONTAINS 'x'", false),
        ("missing HAS 'x'", false),
        ("missing IN ['x']", false),
        ("missing NOT IN ['x']", false),
        ("'x' NOT IN missing", false),
        ("list HAS null", false),
        ("null IN [null]", false),
        ("s.deeper == null", true),
        ("list[5] == null", true),
        ("list[0] == 'a'", true),
        ("list.a == null", true),
    ] {
        assert_eq!(worker_matches(text, &w), expected, "{text}");
    }
}

#[test]
fn and_binds_tighter_than_or_when_evaluated() {
    let w = json!({"a": 1, "b": 0, "c": 0});
    assert!(worker_matches("a == 1 OR b == 1 AND c == 1", &w));
    assert!(!worker_matches("(a == 1 OR b == 1) AND c == 1", &w));
    assert!(worker_matches("b == 1 AND c == 1 OR a == 1", &w));
    assert!(!worker_matches("b == 1 AND (c == 1 OR a == 1)", &w));
}

#[test]
fn what_is_not_given_reads_as_missing() {
    let e = Expression::parse("task.vip == true OR worker.sid == null", Scope::Target).unwrap();
    let vip = json!({"vip": true});
    assert!(e.evaluate(&Bindings::at(DEMO_NOW).with_task(&vip)));
    assert!(e.evaluate(&Bindings::at(DEMO_NOW)));
    let not_vip = json!({"vip": false});
    let worker = json!({"sid": "WKx"});
    assert!(
        !e.evaluate(
            &Bindings::at(DEMO_NOW)
                .with_task(&not_vip)
                .with_worker(&worker)
        )
    );
}

/// A worker as the lead's routing would hold it: attributes in JSON, and fields beside them
/// that a routing step reads as `worker.sid` and `worker.activity_name`.
struct Held {
    sid: String,
    activity: &'static str,
    attributes: Value,
}

impl Attributes for Held {
    fn lookup(&self, path: &[Segment]) -> Attribute<'_> {
        match path {
            [Segment::Name(n)] if n == "sid" => Attribute::Text(Cow::Borrowed(&self.sid)),
            [Segment::Name(n)] if n == "activity_name" => {
                Attribute::Text(Cow::Borrowed(self.activity))
            }
            _ => self.attributes.lookup(path),
        }
    }
}

#[test]
fn a_record_answers_through_its_own_attributes() {
    let held = Held {
        sid: "WK01".into(),
        activity: "Available",
        attributes: json!({"routing": {"skills": ["sales"]}}),
    };
    let task = json!({"agent": "WK01"});
    let e = Expression::parse(
        "task.agent == worker.sid AND worker.activity_name == 'Available' AND worker.routing.skills HAS 'sales'",
        Scope::Target,
    )
    .unwrap();
    assert!(e.evaluate(&Bindings::at(DEMO_NOW).with_task(&task).with_worker(&held)));
    let other = json!({"agent": "WK02"});
    assert!(!e.evaluate(&Bindings::at(DEMO_NOW).with_task(&other).with_worker(&held)));
}

#[test]
fn looking_up_json_follows_names_and_indexes() {
    let v = json!({"a": {"b": [10, {"c": "x"}]}});
    let path = |p: &[Segment]| v.lookup(p);
    let name = |n: &str| Segment::Name(n.to_owned());
    assert_eq!(
        path(&[name("a"), name("b"), Segment::Index(0)]),
        Attribute::Number(10.0)
    );
    assert_eq!(
        path(&[name("a"), name("b"), Segment::Index(1), name("c")]),
        Attribute::Text(Cow::Borrowed("x"))
    );
    assert_eq!(
        path(&[name("a"), name("b"), Segment::Index(2)]),
        Attribute::Null
    );
    assert_eq!(path(&[name("a"), Segment::Index(0)]), Attribute::Null);
    assert_eq!(path(&[name("a"), name("b"), name("0")]), Attribute::Null);
    assert_eq!(path(&[name("a")]), Attribute::Object);
    assert!(matches!(path(&[name("a"), name("b")]), Attribute::List(items) if items.len() == 2));
}
