//! TaskRouter expressions as written: what parses, how it prints back, and every refusal
//! with its column.

use flex_console_domain::taskrouter::expression::*;

/// The error for `text` in `scope`, as shown: "column N: …".
fn refused(text: &str, scope: Scope) -> String {
    match Expression::parse(text, scope) {
        Ok(e) => panic!("{text:?} parsed as {e:?}"),
        Err(error) => error.to_string(),
    }
}

fn queue(text: &str) -> String {
    refused(text, Scope::Queue)
}

/// The canonical printing of `text`.
fn printed(text: &str, scope: Scope) -> String {
    Expression::parse(text, scope).unwrap().to_string()
}

fn compare(left: Operand, operator: Operator, right: Operand) -> Condition {
    Condition::Compare {
        left,
        operator,
        right,
    }
}

fn worker_key(path: &str) -> Operand {
    key(Subject::Worker, path)
}

fn key(of: Subject, path: &str) -> Operand {
    Operand::Attribute(Key {
        of,
        path: path
            .split('.')
            .map(|name| Segment::Name(name.to_owned()))
            .collect(),
    })
}

fn text(t: &str) -> Constant {
    Constant::Text(t.to_owned())
}

fn number(n: f64) -> Operand {
    Operand::Constant(Constant::Number(n))
}

#[test]
fn the_documentation_examples_parse_into_their_trees() {
    let parsed = |t: &str, s: Scope| Expression::parse(t, s).unwrap().condition;
    assert_eq!(
        parsed("routing.skills HAS 'sales'", Scope::Queue),
        compare(
            worker_key("routing.skills"),
            Operator::Has,
            Operand::Constant(text("sales"))
        )
    );
    assert_eq!(
        parsed(r#"language IN ["en","es"]"#, Scope::Filter),
        compare(
            key(Subject::Task, "language"),
            Operator::In,
            Operand::List(vec![text("en"), text("es")])
        )
    );
    assert_eq!(
        parsed("taskrouter.dayOfWeek = 'Sat'", Scope::Filter),
        compare(
            Operand::Clock(Clock::DayOfWeek),
            Operator::Equal,
            Operand::Constant(text("Sat"))
        )
    );
    assert_eq!(
        parsed(
            "taskrouter.currentTime > 0800 AND taskrouter.currentTime < 1830",
            Scope::Target
        ),
        Condition::All(vec![
            compare(
                Operand::Clock(Clock::CurrentTime),
                Operator::Greater,
                number(800.0)
            ),
            compare(
                Operand::Clock(Clock::CurrentTime),
                Operator::Less,
                number(1830.0)
            ),
        ])
    );
    assert_eq!(
        parsed(
            "task.subSection = worker.specializedSubField",
            Scope::Target
        ),
        compare(
            key(Subject::Task, "subSection"),
            Operator::Equal,
            key(Subject::Worker, "specializedSubField")
        )
    );
    assert_eq!(
        parsed("workers.available == 0", Scope::SkipIf),
        compare(
            Operand::Workers("available".into()),
            Operator::Equal,
            number(0.0)
        )
    );
    assert_eq!(
        parsed("preferred_agents != null", Scope::Filter),
        compare(
            key(Subject::Task, "preferred_agents"),
            Operator::NotEqual,
            Operand::Constant(Constant::Null)
        )
    );
    assert_eq!(
        parsed(r#"object.array[2] == "c""#, Scope::Filter),
        compare(
            Operand::Attribute(Key {
                of: Subject::Task,
                path: vec![
                    Segment::Name("object".into()),
                    Segment::Name("array".into()),
                    Segment::Index(2)
                ]
            }),
            Operator::Equal,
            Operand::Constant(text("c"))
        )
    );
}

#[test]
fn every_operator_and_constant_parses() {
    for (written, operator) in [
        ("==", Operator::Equal),
        ("=", Operator::Equal),
        ("!=", Operator::NotEqual),
        (">", Operator::Greater),
        (">=", Operator::GreaterOrEqual),
        ("<", Operator::Less),
        ("<=", Operator::LessOrEqual),
        ("CONTAINS", Operator::Contains),
        ("HAS", Operator::Has),
        ("IN", Operator::In),
        ("NOT IN", Operator::NotIn),
    ] {
        let e = Expression::parse(&format!("a {written} 1"), Scope::Queue).unwrap();
        assert_eq!(
            e.condition,
            compare(worker_key("a"), operator, number(1.0)),
            "{written}"
        );
    }
    for (written, constant) in [
        ("1", Constant::Number(1.0)),
        ("1.0", Constant::Number(1.0)),
        ("1.00", Constant::Number(1.0)),
        ("3.141529", Constant::Number(3.141529)),
        ("0800", Constant::Number(800.0)),
        ("true", Constant::Bool(true)),
        ("false", Constant::Bool(false)),
        ("null", Constant::Null),
        ("'it'", text("it")),
        ("\"it\"", text("it")),
        ("'en-US'", text("en-US")),
        ("''", text("")),
    ] {
        let e = Expression::parse(&format!("{written} == a"), Scope::Queue).unwrap();
        assert_eq!(
            e.condition,
            compare(
                Operand::Constant(constant),
                Operator::Equal,
                worker_key("a")
            ),
            "{written}"
        );
    }
}

#[test]
fn and_binds_tighter_than_or_and_parentheses_group() {
    let a = || compare(worker_key("a"), Operator::Equal, number(1.0));
    let b = || compare(worker_key("b"), Operator::Equal, number(1.0));
    let c = || compare(worker_key("c"), Operator::Equal, number(1.0));
    let parsed = |t: &str| Expression::parse(t, Scope::Queue).unwrap().condition;
    assert_eq!(
        parsed("a == 1 OR b == 1 AND c == 1"),
        Condition::Any(vec![a(), Condition::All(vec![b(), c()])])
    );
    assert_eq!(
        parsed("a == 1 AND b == 1 OR c == 1"),
        Condition::Any(vec![Condition::All(vec![a(), b()]), c()])
    );
    assert_eq!(
        parsed("(a == 1 OR b == 1) AND c == 1"),
        Condition::All(vec![Condition::Any(vec![a(), b()]), c()])
    );
    assert_eq!(
        parsed("a == 1 AND b == 1 AND c == 1"),
        Condition::All(vec![a(), b(), c()])
    );
    assert_eq!(
        parsed("a == 1 AND (b == 1 AND c == 1)"),
        Condition::All(vec![a(), Condition::All(vec![b(), c()])])
    );
    assert_eq!(parsed("((a == 1))"), a());
}

#[test]
fn keywords_are_read_in_any_case() {
    let upper = Expression::parse(
        "routing.skills HAS 'sales' AND lang NOT IN ['fr'] OR name CONTAINS 'a' AND vip == TRUE",
        Scope::Queue,
    )
    .unwrap();
    let lower = Expression::parse(
        "routing.skills has 'sales' and lang not in ['fr'] or name contains 'a' And vip == true",
        Scope::Queue,
    )
    .unwrap();
    assert_eq!(lower, upper);
    assert_eq!(
        lower.to_string(),
        "routing.skills HAS 'sales' AND lang NOT IN ['fr'] OR name CONTAINS 'a' AND vip == true"
    );
    // A keyword within a key is a name.
    assert_eq!(
        printed("routing.in == 1 AND task.and == null", Scope::Filter),
        "routing.in == 1 AND task.and == null"
    );
}

#[test]
fn printing_is_canonical() {
    for (text, scope, canonical) in [
        (
            r#"language IN ["en","es"]"#,
            Scope::Filter,
            "language IN ['en', 'es']",
        ),
        ("1==1", Scope::Queue, "1 == 1"),
        ("a = 'x'", Scope::Queue, "a == 'x'"),
        (r#"a == "it's""#, Scope::Queue, r#"a == "it's""#),
        (r#"a == "say ""#, Scope::Queue, "a == 'say '"),
        ("x IN []", Scope::Queue, "x IN []"),
        ("  a   >=\t2.50 ", Scope::Queue, "a >= 2.5"),
        ("a[0].b[12] < 0800", Scope::Queue, "a[0].b[12] < 800"),
        (
            "(a == 1 OR b == 2) AND c == 3",
            Scope::Queue,
            "(a == 1 OR b == 2) AND c == 3",
        ),
        (
            "a == 1 OR (b == 2 AND c == 3)",
            Scope::Queue,
            "a == 1 OR b == 2 AND c == 3",
        ),
        (
            "a == 1 OR (b == 2 OR c == 3)",
            Scope::Queue,
            "a == 1 OR (b == 2 OR c == 3)",
        ),
        (
            "task.subSection = worker.specializedSubField",
            Scope::Target,
            "task.subSection == worker.specializedSubField",
        ),
        (
            "taskrouter.currentHour>8",
            Scope::Target,
            "taskrouter.currentHour > 8",
        ),
        (
            "workers.WA0123 < 2 OR workers.unavailable>1",
            Scope::SkipIf,
            "workers.WA0123 < 2 OR workers.unavailable > 1",
        ),
    ] {
        assert_eq!(printed(text, scope), canonical, "{text}");
        assert_eq!(printed(canonical, scope), canonical, "{canonical}");
    }
    assert_eq!(Expression::always_true(Scope::Queue).to_string(), "1 == 1");
}

#[test]
fn a_missing_value_names_the_operator_and_its_column() {
    assert_eq!(
        queue("routing.tags HAS"),
        "column 17: expected a value after HAS"
    );
    assert_eq!(
        queue("routing.tags has"),
        "column 17: expected a value after HAS"
    );
    assert_eq!(
        queue("routing.skills HAS AND x == 1"),
        "column 20: expected a value after HAS, found AND"
    );
    assert_eq!(queue("a ="), "column 4: expected a value after =");
    assert_eq!(queue("a NOT IN"), "column 9: expected a value after NOT IN");
    assert_eq!(queue("== 1"), "column 1: expected a value, found ==");
    assert_eq!(
        queue("a == 1 AND"),
        "column 11: expected a condition after AND"
    );
    assert_eq!(
        queue("a == 1 OR OR b == 1"),
        "column 11: expected a condition after OR, found OR"
    );
    assert_eq!(
        queue("a == 1 AND NOT b == 1"),
        "column 12: expected a value: TaskRouter has no NOT of its own, only NOT IN"
    );
}

#[test]
fn a_missing_or_unknown_operator_is_named() {
    assert_eq!(
        queue("routing.skills"),
        "column 15: expected an operator such as == or HAS"
    );
    assert_eq!(
        queue("a 'x'"),
        "column 3: expected an operator such as == or HAS, found 'x'"
    );
    let unknown = "expected ==, =, !=, >, >=, <, <=, CONTAINS, HAS, IN or NOT IN";
    assert_eq!(
        queue("a ~ 1"),
        format!("column 3: unknown operator ~: {unknown}")
    );
    assert_eq!(
        queue("a === 1"),
        format!("column 3: unknown operator ===: {unknown}")
    );
    assert_eq!(
        queue("a <> 1"),
        format!("column 3: unknown operator <>: {unknown}")
    );
    assert_eq!(
        queue("name LIKE 'a'"),
        format!("column 6: unknown operator LIKE: {unknown}")
    );
    assert_eq!(
        queue("a NOT 'x'"),
        "column 7: expected IN after NOT, found 'x'"
    );
    assert_eq!(
        queue("a == 1 && b == 2"),
        "column 8: expected AND: write AND instead of &&"
    );
    assert_eq!(
        queue("a == 1 || b == 2"),
        "column 8: expected OR: write OR instead of ||"
    );
}

#[test]
fn strings_parentheses_and_trailing_input_are_checked() {
    assert_eq!(
        queue("name == 'Maria"),
        "column 9: expected a closing ': the string that starts here is never closed"
    );
    assert_eq!(
        queue(r#"name == "Maria'"#),
        r#"column 9: expected a closing ": the string that starts here is never closed"#
    );
    assert_eq!(
        queue("(a == 1 OR b == 2"),
        "column 18: expected ) to close the ( at column 1"
    );
    assert_eq!(
        queue("a == 1)"),
        "column 7: expected AND or OR, found ) with no ( to close"
    );
    assert_eq!(
        queue("(a == 1 b == 2)"),
        "column 9: expected AND, OR or ), found b"
    );
    assert_eq!(
        queue("()"),
        "column 2: expected a condition after (, found )"
    );
    assert_eq!(
        queue("a == 1 b == 2"),
        "column 8: expected AND or OR, found b"
    );
    assert_eq!(queue(""), "column 1: expected an expression, e.g. 1==1");
    assert_eq!(queue("   "), "column 4: expected an expression, e.g. 1==1");
    let deep = format!("{}a == 1{}", "(".repeat(40), ")".repeat(40));
    assert_eq!(
        queue(&deep),
        format!("column 33: expected fewer parentheses: they nest at most {MAX_DEPTH} deep")
    );
    let deepest = format!("{}a == 1{}", "(".repeat(32), ")".repeat(32));
    assert!(Expression::parse(&deepest, Scope::Queue).is_ok());
}

#[test]
fn lists_numbers_and_keys_are_checked() {
    assert_eq!(
        queue("a IN ["),
        "column 7: expected a string, number, true, false or null in the list"
    );
    assert_eq!(
        queue("a IN ['x' 'y']"),
        "column 11: expected , or ] in the list, found 'y'"
    );
    assert_eq!(
        queue("a IN ['x',]"),
        "column 11: expected a string, number, true, false or null in the list, found ]"
    );
    assert_eq!(
        queue("a IN [b]"),
        "column 7: expected a string, number, true, false or null: a list holds constants, found b"
    );
    assert_eq!(
        queue("a == 1."),
        "column 8: expected a digit after the decimal point"
    );
    assert_eq!(
        queue(&format!("a == 1{}", "0".repeat(400))),
        "column 6: expected a smaller number: this one is too large"
    );
    assert_eq!(
        queue("routing. == 1"),
        "column 9: expected a name after the dot"
    );
    assert_eq!(
        queue("a[x] == 1"),
        "column 3: expected an index after [ (a whole number, from 0)"
    );
    assert_eq!(queue("a[1 == 1"), "column 4: expected ] after the index");
    assert_eq!(
        queue("a[99999999999999999999999] == 1"),
        "column 3: expected a smaller index: this one is too large"
    );
}

#[test]
fn hyphens_are_refused_with_taskrouters_own_rule() {
    assert_eq!(
        HYPHENS,
        "Hyphens are not supported in TaskRouter expressions"
    );
    for (text, column) in [
        ("first-name == 'x'", 6),
        ("routing.skills-2 HAS 'x'", 15),
        ("routing.-x == 1", 9),
        ("a[0]-b == 1", 5),
        ("a[-1] == 1", 3),
        ("a > -1", 5),
        ("a == 1 - 1", 8),
    ] {
        assert_eq!(queue(text), format!("column {column}: {HYPHENS}"), "{text}");
    }
    assert_eq!(
        refused("worker.first-name == 'x'", Scope::Target),
        format!("column 13: {HYPHENS}")
    );
    // A hyphen inside a string is the string's business.
    assert!(Expression::parse("routing.skills HAS 'en-US'", Scope::Queue).is_ok());
}

#[test]
fn a_routing_step_names_task_or_worker_before_every_key() {
    assert_eq!(
        refused("task.language == language", Scope::Target),
        "column 18: expected task. or worker. before language: a routing step's expression names whose attribute it reads (task.language or worker.language)"
    );
    assert_eq!(
        refused("skills HAS 'a'", Scope::Target),
        "column 1: expected task. or worker. before skills: a routing step's expression names whose attribute it reads (task.skills or worker.skills)"
    );
    assert_eq!(
        refused("task == 1", Scope::Target),
        "column 1: expected task. or worker. before task: a routing step's expression names whose attribute it reads (task.task or worker.task)"
    );
    assert_eq!(
        refused("task. == 1", Scope::Target),
        "column 6: expected a name after the dot"
    );
    let e = Expression::parse(
        "worker.channel.chat.available_capacity_percentage > 50 AND worker.sid != task.agent_sid",
        Scope::Target,
    )
    .unwrap();
    assert_eq!(
        e.keys()
            .iter()
            .map(|k| (k.of, k.to_string()))
            .collect::<Vec<_>>(),
        [
            (
                Subject::Worker,
                "channel.chat.available_capacity_percentage".to_owned()
            ),
            (Subject::Worker, "sid".to_owned()),
            (Subject::Task, "agent_sid".to_owned()),
        ]
    );
}

#[test]
fn the_clock_is_read_by_filters_and_steps_only() {
    for clock in [
        "taskrouter.currentTime",
        "taskrouter.currentHour",
        "taskrouter.currentMin",
        "taskrouter.dayOfWeek",
    ] {
        for scope in [Scope::Filter, Scope::Target] {
            assert!(Expression::parse(&format!("{clock} > 1"), scope).is_ok());
        }
        assert_eq!(
            queue(&format!("{clock} > 1")),
            format!(
                "column 1: expected a worker attribute: {clock} is only read in a workflow's Matching Tasks and a routing step's expression, not in a queue expression"
            )
        );
    }
    let unknown = "expected taskrouter.currentTime, taskrouter.currentHour, taskrouter.currentMin or taskrouter.dayOfWeek";
    assert_eq!(
        refused("a == 1 OR taskrouter.currenttime > 1", Scope::Filter),
        format!("column 11: {unknown}, found taskrouter.currenttime")
    );
    assert_eq!(
        refused("taskrouter == 1", Scope::Queue),
        format!("column 1: {unknown}, found taskrouter")
    );
}

#[test]
fn skip_if_reads_only_the_queues_worker_counts() {
    for text in [
        "1==1",
        "workers.available == 0",
        "workers.WAxx < 2 OR workers.WAyy < 2",
        "workers.unavailable >= workers.available",
    ] {
        assert!(Expression::parse(text, Scope::SkipIf).is_ok(), "{text}");
    }
    let only = "expected workers.available, workers.unavailable or workers.WA… (the workers in that activity): Skip If reads nothing else";
    for (text, column, found) in [
        ("workers.busy == 0", 1, "workers.busy"),
        ("1 == 1 AND task.vip == true", 12, "task.vip"),
        ("workers.available.x == 0", 1, "workers.available.x"),
        ("available == 0", 1, "available"),
        ("taskrouter.currentHour > 8", 1, "taskrouter.currentHour"),
    ] {
        assert_eq!(
            refused(text, Scope::SkipIf),
            format!("column {column}: {only}, found {found}"),
            "{text}"
        );
    }
}

#[test]
fn keys_lists_what_an_expression_reads_once_each() {
    let e = Expression::parse(
        "routing.skills HAS 'a' AND routing.levels.a >= 2 OR 'b' IN routing.skills OR 1 == 1",
        Scope::Queue,
    )
    .unwrap();
    let keys: Vec<String> = e.keys().iter().map(|k| k.to_string()).collect();
    assert_eq!(keys, ["routing.skills", "routing.levels.a"]);
    assert!(e.keys().iter().all(|k| k.of == Subject::Worker));
    assert!(
        Expression::parse("1 == 1", Scope::Queue)
            .unwrap()
            .keys()
            .is_empty()
    );
}

#[test]
fn always_true_is_recognised() {
    assert!(Expression::always_true(Scope::Queue).is_always_true());
    assert_eq!(
        Expression::parse("1==1", Scope::Queue).unwrap(),
        Expression::always_true(Scope::Queue)
    );
    for (text, fixed) in [
        ("1==1", Some(true)),
        ("1 == 1.0", Some(true)),
        ("'a' == 'a'", Some(true)),
        ("1==0", Some(false)),
        ("1 == 1 AND 2 IN [1]", Some(false)),
        ("a == 1", None),
        ("1 == 1 OR a == 1", None),
    ] {
        let e = Expression::parse(text, Scope::Queue).unwrap();
        assert_eq!(e.fixed(), fixed, "{text}");
        assert_eq!(e.is_always_true(), fixed == Some(true), "{text}");
    }
}
