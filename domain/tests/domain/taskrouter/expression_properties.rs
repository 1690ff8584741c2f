//! Property tests of TaskRouter expressions: the parser never panics whatever it is given,
//! printing a tree and parsing the printing gives the tree back, and evaluation agrees with
//! a plain reference evaluation over `serde_json::Value` written here, apart from the
//! domain's.

use flex_console_domain::Timestamp;
use flex_console_domain::taskrouter::expression::*;
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};
use std::collections::BTreeMap;

const SCOPES: [Scope; 4] = [Scope::Queue, Scope::Filter, Scope::Target, Scope::SkipIf];

/// What the generators draw names and values from: anything a key may be, or a small
/// vocabulary, so that random keys find random attributes often.
#[derive(Clone, Copy, Debug)]
enum Words {
    Any,
    Few,
}

fn first_name(words: Words) -> BoxedStrategy<String> {
    match words {
        Words::Any => prop_oneof![
            select(vec![
                "routing", "task", "worker", "workers", "ñame", "$ch", "x_1", "TRUE"
            ])
            .prop_map(str::to_owned),
            "[a-zA-Z_$ñ][a-zA-Z0-9_$ñ]{0,6}",
        ]
        .boxed(),
        Words::Few => select(vec!["a", "b", "c"]).prop_map(str::to_owned).boxed(),
    }
}

fn segment(words: Words) -> BoxedStrategy<Segment> {
    match words {
        Words::Any => prop_oneof![
            "[a-zA-Z0-9_$ñ]{1,6}".prop_map(Segment::Name),
            select(vec!["in", "AND", "true", "null", "taskrouter"])
                .prop_map(|n| Segment::Name(n.to_owned())),
            (0usize..10).prop_map(Segment::Index),
            any::<usize>().prop_map(Segment::Index),
        ]
        .boxed(),
        Words::Few => prop_oneof![
            select(vec!["a", "b", "c"]).prop_map(|n| Segment::Name(n.to_owned())),
            (0usize..3).prop_map(Segment::Index),
        ]
        .boxed(),
    }
}

/// A key as its scope allows: a bare key (queue, filter) is neither a lone keyword nor
/// under `taskrouter`.
fn key(of: Subject, bare: bool, words: Words) -> BoxedStrategy<Operand> {
    let rest = match words {
        Words::Any => vec(segment(words), 0..3).boxed(),
        // Mostly one name, so that most keys are found.
        Words::Few => prop_oneof![3 => Just(vec![]), 1 => vec(segment(words), 1..3)].boxed(),
    };
    (first_name(words), rest)
        .prop_filter("a bare key is no keyword", move |(first, rest)| {
            let keyword = [
                "and", "or", "has", "in", "not", "contains", "true", "false", "null",
            ]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(first));
            !bare || (first != "taskrouter" && !(rest.is_empty() && keyword))
        })
        .prop_map(move |(first, rest)| {
            let mut path = vec![Segment::Name(first)];
            path.extend(rest);
            Operand::Attribute(Key { of, path })
        })
        .boxed()
}

fn constant(words: Words) -> BoxedStrategy<Constant> {
    let texts = match words {
        Words::Any => prop_oneof![
            "[a-zA-Z0-9 ñ'_.-]{0,8}",
            "[a-z\"]{0,5}",
            select(vec!["and", "OR", "(", "1==1", "[]"]).prop_map(str::to_owned),
        ]
        .boxed(),
        Words::Few => select(vec!["a", "al", "sales", "Sat"])
            .prop_map(str::to_owned)
            .boxed(),
    };
    let numbers = match words {
        Words::Any => prop_oneof![
            (0u32..3000).prop_map(f64::from),
            any::<f64>()
                .prop_filter("finite", |n| n.is_finite())
                .prop_map(f64::abs),
        ]
        .boxed(),
        Words::Few => select(vec![1.0, 2.0, 1.5]).boxed(),
    };
    prop_oneof![
        1 => Just(Constant::Null),
        1 => any::<bool>().prop_map(Constant::Bool),
        3 => numbers.prop_map(Constant::Number),
        3 => texts.prop_map(Constant::Text),
    ]
    .boxed()
}

fn operand(scope: Scope, words: Words) -> BoxedStrategy<Operand> {
    let constants = prop_oneof![
        3 => constant(words).prop_map(Operand::Constant),
        1 => vec(constant(words), 0..4).prop_map(Operand::List),
    ];
    let clock = select(Clock::ALL.to_vec()).prop_map(Operand::Clock);
    match scope {
        Scope::Queue => prop_oneof![constants, key(Subject::Worker, true, words)].boxed(),
        Scope::Filter => prop_oneof![
            2 => constants,
            2 => key(Subject::Task, true, words),
            1 => clock,
        ]
        .boxed(),
        Scope::Target => prop_oneof![
            2 => constants,
            2 => key(Subject::Task, false, words),
            2 => key(Subject::Worker, false, words),
            1 => clock,
        ]
        .boxed(),
        Scope::SkipIf => prop_oneof![
            constants,
            select(vec!["available", "unavailable", "WA1", "WA2"])
                .prop_map(|n| Operand::Workers(n.to_owned())),
            "WA[a-zA-Z0-9]{0,6}".prop_map(Operand::Workers),
        ]
        .boxed(),
    }
}

fn comparison(scope: Scope, words: Words) -> BoxedStrategy<Condition> {
    let any = (
        operand(scope, words),
        select(Operator::ALL.to_vec()),
        operand(scope, words),
    )
        .prop_map(|(left, operator, right)| Condition::Compare {
            left,
            operator,
            right,
        });
    match words {
        Words::Any => any.boxed(),
        Words::Few => prop_oneof![any, aligned(scope)].boxed(),
    }
}

/// A comparison whose sides are of one kind where its operator wants them (an array on
/// the left of HAS, on the right of IN), so that random comparisons come out true often
/// enough to test.
fn aligned(scope: Scope) -> BoxedStrategy<Condition> {
    (select(Operator::ALL.to_vec()), 0usize..3)
        .prop_flat_map(move |(operator, kind)| {
            let right_list = matches!(operator, Operator::In | Operator::NotIn);
            (
                typed(scope, kind, operator == Operator::Has),
                typed(scope, kind, right_list),
            )
                .prop_map(move |(left, right)| Condition::Compare {
                    left,
                    operator,
                    right,
                })
        })
        .boxed()
}

/// A number, string or boolean constant (or a list of them), or whatever the scope reads.
fn typed(scope: Scope, kind: usize, list: bool) -> BoxedStrategy<Operand> {
    let scalar = match kind {
        0 => select(vec![1.0, 2.0, 1.5])
            .prop_map(Constant::Number)
            .boxed(),
        1 => select(vec!["a", "al", "sales"])
            .prop_map(|t| Constant::Text(t.to_owned()))
            .boxed(),
        _ => any::<bool>().prop_map(Constant::Bool).boxed(),
    };
    let constant = if list {
        vec(scalar, 0..3).prop_map(Operand::List).boxed()
    } else {
        scalar.prop_map(Operand::Constant).boxed()
    };
    let clock = select(Clock::ALL.to_vec()).prop_map(Operand::Clock);
    let read = match scope {
        Scope::Queue => key(Subject::Worker, true, Words::Few),
        Scope::Filter => prop_oneof![key(Subject::Task, true, Words::Few), clock].boxed(),
        Scope::Target => prop_oneof![
            key(Subject::Task, false, Words::Few),
            key(Subject::Worker, false, Words::Few),
        ]
        .boxed(),
        Scope::SkipIf => select(vec!["available", "unavailable", "WA1"])
            .prop_map(|n| Operand::Workers(n.to_owned()))
            .boxed(),
    };
    prop_oneof![constant, read].boxed()
}

/// Trees of comparisons; shallower for evaluation, where a deep AND is almost always false.
fn condition(scope: Scope, words: Words) -> impl Strategy<Value = Condition> {
    let depth = match words {
        Words::Any => 4,
        Words::Few => 2,
    };
    comparison(scope, words).prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 2..4).prop_map(Condition::All),
            vec(inner, 2..4).prop_map(Condition::Any),
        ]
    })
}

fn expression(words: Words) -> impl Strategy<Value = Expression> {
    select(SCOPES.to_vec()).prop_flat_map(move |scope| {
        condition(scope, words).prop_map(move |condition| Expression { scope, condition })
    })
}

/// Pieces of the grammar, right and wrong, for texts close to expressions.
const PIECES: [&str; 44] = [
    "(",
    ")",
    "AND",
    "or",
    "HAS",
    "has",
    "NOT",
    "IN",
    "CONTAINS",
    "==",
    "=",
    "!=",
    ">=",
    "<",
    "<>",
    "[",
    "]",
    ",",
    "'a'",
    "\"b\"",
    "'",
    "\"",
    "1",
    "0800",
    "2.5",
    "1.",
    "true",
    "NULL",
    "routing.skills",
    "a[2]",
    "a[",
    "b]",
    "task.x",
    "worker.y",
    "taskrouter.currentTime",
    "taskrouter.nope",
    "workers.available",
    "workers.WA1",
    "-",
    "&&",
    "~",
    ".",
    "x-y",
    "ñ",
];

/// A few characters deleted, inserted or replaced, or the text cut short.
fn mutations() -> impl Strategy<Value = Vec<(prop::sample::Index, char, u8)>> {
    let c = prop_oneof![
        any::<char>(),
        select(PIECES.concat().chars().collect::<Vec<_>>())
    ];
    vec((any::<prop::sample::Index>(), c, 0u8..4), 0..3)
}

fn mutate(text: &str, mutations: Vec<(prop::sample::Index, char, u8)>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, c, how) in mutations {
        let i = at.index(chars.len() + 1);
        match how {
            0 if i < chars.len() => {
                chars.remove(i);
            }
            1 if i < chars.len() => chars[i] = c,
            2 => chars.truncate(i),
            _ => chars.insert(i, c),
        }
    }
    chars.into_iter().collect()
}

/// A text of random pieces of the grammar, then mutated.
fn near_expression() -> impl Strategy<Value = String> {
    (
        vec(
            (select(PIECES.to_vec()), select(vec![" ", "", "  ", "\t"])),
            0..14,
        ),
        mutations(),
    )
        .prop_map(|(pieces, mutations)| {
            let text: String = pieces
                .iter()
                .flat_map(|(piece, space)| piece.chars().chain(space.chars()))
                .collect();
            mutate(&text, mutations)
        })
}

/// A valid expression, printed, then mutated: mistakes deep inside, and texts cut short.
fn mutated_expression() -> impl Strategy<Value = String> {
    (expression(Words::Any), mutations()).prop_map(|(e, m)| mutate(&e.to_string(), m))
}

/// The parser's answer for `text` is an expression that prints back to itself, or an
/// error whose column lies within the text (or just after it).
fn parses_soundly(text: &str) -> Result<(), TestCaseError> {
    for scope in SCOPES {
        match Expression::parse(text, scope) {
            Ok(e) => {
                let printed = e.to_string();
                prop_assert_eq!(Expression::parse(&printed, scope), Ok(e), "{}", printed);
            }
            Err(error) => {
                prop_assert!(error.column >= 1 && error.column <= text.chars().count() + 1);
                prop_assert!(!error.message.is_empty());
            }
        }
    }
    Ok(())
}

// The reference evaluation: a plain walk over JSON values, the rules as TASKROUTER.md
// states them, sharing nothing with the domain's evaluator but the tree.

/// What a random evaluation reads.
#[derive(Clone, Debug)]
struct World {
    task: Value,
    worker: Value,
    counts: BTreeMap<String, usize>,
    now: Timestamp,
}

fn reference(c: &Condition, world: &World) -> bool {
    match c {
        Condition::All(parts) => parts.iter().all(|p| reference(p, world)),
        Condition::Any(parts) => parts.iter().any(|p| reference(p, world)),
        Condition::Compare {
            left,
            operator,
            right,
        } => {
            let (l, r) = (value_of(left, world), value_of(right, world));
            if l.is_null() || r.is_null() {
                reference_null(*operator, left, &l, right, &r)
            } else {
                reference_compare(*operator, &l, &r)
            }
        }
    }
}

/// A comparison where a side is NULL: only `== null` and `!= null` say anything.
fn reference_null(
    operator: Operator,
    left: &Operand,
    l: &Value,
    right: &Operand,
    r: &Value,
) -> bool {
    let null = Operand::Constant(Constant::Null);
    let tested = if *left == null {
        r
    } else if *right == null {
        l
    } else {
        return false;
    };
    match operator {
        Operator::Equal => tested.is_null(),
        Operator::NotEqual => !tested.is_null(),
        _ => false,
    }
}

fn constant_json(c: &Constant) -> Value {
    match c {
        Constant::Null => Value::Null,
        Constant::Bool(b) => json!(b),
        Constant::Number(n) => json!(n),
        Constant::Text(t) => json!(t),
    }
}

fn value_of(o: &Operand, world: &World) -> Value {
    match o {
        Operand::Constant(c) => constant_json(c),
        Operand::List(items) => Value::Array(items.iter().map(constant_json).collect()),
        Operand::Attribute(key) => {
            let mut value = match key.of {
                Subject::Task => &world.task,
                Subject::Worker => &world.worker,
            };
            for segment in &key.path {
                let next = match segment {
                    Segment::Name(name) => value.as_object().and_then(|o| o.get(name)),
                    Segment::Index(i) => value.as_array().and_then(|a| a.get(*i)),
                };
                match next {
                    Some(next) => value = next,
                    None => return Value::Null,
                }
            }
            value.clone()
        }
        Operand::Clock(clock) => {
            // Read from the way the Console shows the time: "2025-03-03 10:00 UTC".
            let shown = world.now.to_string();
            let hour: u64 = shown[11..13].parse().unwrap();
            let minute: u64 = shown[14..16].parse().unwrap();
            let days = world.now.0 / Timestamp::DAY;
            let day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((days + 4) % 7) as usize];
            match clock {
                Clock::CurrentTime => json!(hour * 100 + minute),
                Clock::CurrentHour => json!(hour),
                Clock::CurrentMin => json!(minute),
                Clock::DayOfWeek => json!(day),
            }
        }
        Operand::Workers(name) => world.counts.get(name).map_or(Value::Null, |n| json!(n)),
    }
}

fn is_scalar(v: &Value) -> bool {
    v.is_boolean() || v.is_number() || v.is_string()
}

fn same_kind(l: &Value, r: &Value) -> bool {
    (l.is_boolean() && r.is_boolean())
        || (l.is_number() && r.is_number())
        || (l.is_string() && r.is_string())
}

fn scalar_equal(l: &Value, r: &Value) -> bool {
    same_kind(l, r)
        && match (l.as_f64(), r.as_f64()) {
            (Some(a), Some(b)) => a == b,
            _ => l == r,
        }
}

fn reference_compare(operator: Operator, l: &Value, r: &Value) -> bool {
    let in_array = |array: &Value, item: &Value| {
        is_scalar(item)
            && array
                .as_array()
                .is_some_and(|items| items.iter().any(|i| scalar_equal(i, item)))
    };
    let ordered = |want: fn(std::cmp::Ordering) -> bool| match (l, r) {
        (Value::Number(a), Value::Number(b)) => {
            want(a.as_f64().unwrap().total_cmp(&b.as_f64().unwrap()))
        }
        (Value::String(a), Value::String(b)) => want(a.cmp(b)),
        _ => false,
    };
    match operator {
        Operator::Equal => scalar_equal(l, r),
        Operator::NotEqual => same_kind(l, r) && !scalar_equal(l, r),
        Operator::Greater => ordered(|o| o.is_gt()),
        Operator::GreaterOrEqual => ordered(|o| o.is_ge()),
        Operator::Less => ordered(|o| o.is_lt()),
        Operator::LessOrEqual => ordered(|o| o.is_le()),
        Operator::Contains => match (l, r) {
            (Value::String(a), Value::String(b)) => a.contains(b.as_str()),
            _ => false,
        },
        Operator::Has => in_array(l, r),
        Operator::In => in_array(r, l),
        Operator::NotIn => is_scalar(l) && r.is_array() && !in_array(r, l),
    }
}

/// Attribute values: mostly scalars, then arrays and objects of them, a few deeper.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        3 => (1u8..3).prop_map(Value::from),
        1 => Just(json!(1.5)),
        3 => select(vec!["a", "al", "sales"]).prop_map(Value::from),
    ];
    let array = vec(leaf.clone(), 0..4).prop_map(Value::Array);
    prop_oneof![
        6 => leaf.clone(),
        3 => array.clone(),
        1 => attributes_of(leaf),
        1 => attributes_of(array.clone()),
        1 => vec(array, 0..3).prop_map(Value::Array),
    ]
}

fn attributes_of(values: impl Strategy<Value = Value>) -> impl Strategy<Value = Value> {
    btree_map(select(vec!["a", "b", "c"]), values, 1..4).prop_map(|fields| {
        Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
    })
}

fn world() -> impl Strategy<Value = World> {
    (
        attributes_of(json_value()),
        attributes_of(json_value()),
        btree_map(
            select(vec!["available", "unavailable", "WA1", "WA2"]).prop_map(str::to_owned),
            0usize..3,
            0..4,
        ),
        0u64..10_000_000_000_000,
    )
        .prop_map(|(task, worker, counts, now)| World {
            task,
            worker,
            counts,
            now: Timestamp(now),
        })
}

fn domain_evaluation(e: &Expression, world: &World) -> bool {
    let counts = |name: &str| world.counts.get(name).copied();
    let bindings = Bindings::at(world.now)
        .with_task(&world.task)
        .with_worker(&world.worker)
        .with_workers(&counts);
    e.evaluate(&bindings)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_parser_never_panics_on_any_text(text in any::<String>()) {
        parses_soundly(&text)?;
    }

    #[test]
    fn the_parser_never_panics_near_the_grammar(text in near_expression()) {
        parses_soundly(&text)?;
    }

    #[test]
    fn the_parser_never_panics_on_broken_expressions(text in mutated_expression()) {
        parses_soundly(&text)?;
    }

    #[test]
    fn printing_then_parsing_gives_the_same_expression(e in expression(Words::Any)) {
        let printed = e.to_string();
        prop_assert_eq!(Expression::parse(&printed, e.scope), Ok(e), "{}", printed);
    }

    #[test]
    fn evaluation_agrees_with_the_reference(e in expression(Words::Few), world in world()) {
        prop_assert_eq!(
            domain_evaluation(&e, &world),
            reference(&e.condition, &world),
            "{} over {:?}", e, world
        );
    }
}

/// The agreement above means something only when random comparisons come out both ways:
/// for every operator, some are true and some false.
#[test]
fn random_comparisons_are_sometimes_true_and_sometimes_false() {
    let mut runner = TestRunner::deterministic();
    let world = world();
    let mut outcomes: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for scope in SCOPES {
        let comparison = comparison(scope, Words::Few);
        for _ in 0..600 {
            let condition = comparison.new_tree(&mut runner).unwrap().current();
            let Condition::Compare { operator, .. } = &condition else {
                unreachable!()
            };
            let w = world.new_tree(&mut runner).unwrap().current();
            let e = Expression {
                scope,
                condition: condition.clone(),
            };
            outcomes.entry(operator.symbol()).or_default()
                [usize::from(domain_evaluation(&e, &w))] += 1;
        }
    }
    for operator in Operator::ALL {
        let [falses, trues] = outcomes[operator.symbol()];
        assert!(
            trues >= 5 && falses >= 5,
            "{}: {trues} true, {falses} false",
            operator.symbol()
        );
    }
}
