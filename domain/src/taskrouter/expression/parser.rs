//! A recursive-descent parser: one function per rule of the grammar in `mod.rs`, each
//! error naming its column and what was expected there.

use super::Scope;
use super::lexer::{Keyword, Lexer, Spanned, Token, unknown_operator};
use super::tree::{Clock, Condition, Constant, Key, Operand, Operator, Segment, Subject};
use std::fmt;

/// Why a text is not an expression: where (1-based column, in characters) and what was
/// expected there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based, counted in characters from the start of the text.
    pub column: usize,
    /// What was expected, e.g. "expected a value after HAS".
    pub message: String,
}

/// "column 17: expected a value after HAS".
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// How deep parentheses may nest: far more than anyone writes, and a bound on the
/// recursion of parsing, printing and evaluating.
pub const MAX_DEPTH: usize = 32;

/// Parses a whole text as a condition for `scope`.
pub fn parse(text: &str, scope: Scope) -> Result<Condition, ParseError> {
    let mut lexer = Lexer::new(text);
    let token = lexer.next()?;
    let mut parser = Parser {
        lexer,
        token,
        scope,
        depth: 0,
    };
    if parser.token.token == Token::End {
        return Err(parser.error("expected an expression, e.g. 1==1".to_owned()));
    }
    let condition = parser.any()?;
    match parser.token.token {
        Token::End => Ok(condition),
        Token::Close => Err(parser.error("expected AND or OR, found ) with no ( to close".into())),
        _ => Err(parser.error(format!("expected AND or OR, found {}", parser.token.text))),
    }
}

struct Parser {
    lexer: Lexer,
    /// The next token, not yet consumed.
    token: Spanned,
    scope: Scope,
    /// How many parentheses are open.
    depth: usize,
}

impl Parser {
    /// Consumes the current token and returns it.
    fn advance(&mut self) -> Result<Spanned, ParseError> {
        let next = self.lexer.next()?;
        Ok(std::mem::replace(&mut self.token, next))
    }

    fn error(&self, message: String) -> ParseError {
        ParseError {
            column: self.token.column,
            message,
        }
    }

    /// "expected X", then what was found instead unless the text ended.
    fn expected(&self, what: &str) -> ParseError {
        match self.token.token {
            Token::End => self.error(format!("expected {what}")),
            _ => self.error(format!("expected {what}, found {}", self.token.text)),
        }
    }

    fn keyword(&self, keyword: Keyword) -> bool {
        self.token.token == Token::Keyword(keyword)
    }

    /// Refuses what cannot start a condition right after `what`, naming `what`.
    fn condition_after(&self, what: &str) -> Result<(), ParseError> {
        let starts = match &self.token.token {
            Token::Open | Token::OpenList | Token::Key(_) | Token::Text(_) | Token::Number(_) => {
                true
            }
            // NOT goes on to the operand, which says what TaskRouter has instead.
            Token::Keyword(k) => matches!(
                k,
                Keyword::True | Keyword::False | Keyword::Null | Keyword::Not
            ),
            _ => false,
        };
        if starts {
            Ok(())
        } else {
            Err(self.expected(&format!("a condition after {what}")))
        }
    }

    /// `or := and ("OR" and)*`
    fn any(&mut self) -> Result<Condition, ParseError> {
        let mut conditions = vec![self.all()?];
        while self.keyword(Keyword::Or) {
            self.advance()?;
            self.condition_after("OR")?;
            conditions.push(self.all()?);
        }
        Ok(joined(conditions, Condition::Any))
    }

    /// `and := term ("AND" term)*`
    fn all(&mut self) -> Result<Condition, ParseError> {
        let mut conditions = vec![self.term()?];
        while self.keyword(Keyword::And) {
            self.advance()?;
            self.condition_after("AND")?;
            conditions.push(self.term()?);
        }
        Ok(joined(conditions, Condition::All))
    }

    /// `term := "(" or ")" | comparison`
    fn term(&mut self) -> Result<Condition, ParseError> {
        if self.token.token != Token::Open {
            return self.comparison();
        }
        if self.depth == MAX_DEPTH {
            return Err(self.error(format!(
                "expected fewer parentheses: they nest at most {MAX_DEPTH} deep"
            )));
        }
        let open = self.advance()?;
        self.condition_after("(")?;
        self.depth += 1;
        let condition = self.any()?;
        if self.token.token != Token::Close {
            return Err(match self.token.token {
                Token::End => self.error(format!(
                    "expected ) to close the ( at column {}",
                    open.column
                )),
                _ => self.expected("AND, OR or )"),
            });
        }
        self.advance()?;
        self.depth -= 1;
        Ok(condition)
    }

    /// `comparison := operand operator operand`
    fn comparison(&mut self) -> Result<Condition, ParseError> {
        let left = self.operand(None)?;
        let (operator, written) = self.operator()?;
        let right = self.operand(Some(&written))?;
        Ok(Condition::Compare {
            left,
            operator,
            right,
        })
    }

    fn operator(&mut self) -> Result<(Operator, String), ParseError> {
        let operator = match &self.token.token {
            Token::Symbol(operator) => {
                let operator = *operator;
                return Ok((operator, self.advance()?.text));
            }
            Token::Keyword(Keyword::Has) => Operator::Has,
            Token::Keyword(Keyword::In) => Operator::In,
            Token::Keyword(Keyword::Contains) => Operator::Contains,
            Token::Keyword(Keyword::Not) => {
                self.advance()?;
                if !self.keyword(Keyword::In) {
                    return Err(self.expected("IN after NOT"));
                }
                self.advance()?;
                return Ok((Operator::NotIn, Operator::NotIn.symbol().to_owned()));
            }
            Token::Key(path) if path.len() == 1 => {
                return Err(self.error(unknown_operator(&self.token.text)));
            }
            Token::Other(_) => return Err(self.error(unknown_operator(&self.token.text))),
            _ => return Err(self.expected("an operator such as == or HAS")),
        };
        // Keywords are named in capitals, however they were written.
        self.advance()?;
        Ok((operator, operator.symbol().to_owned()))
    }

    /// `operand := string | number | true | false | null | list | key`
    fn operand(&mut self, after: Option<&str>) -> Result<Operand, ParseError> {
        let operand = match &self.token.token {
            Token::OpenList => return self.list(),
            Token::Key(path) => {
                let path = path.clone();
                self.key(path)?
            }
            Token::Keyword(Keyword::Not) if after.is_none() => {
                return Err(self.error(
                    "expected a value: TaskRouter has no NOT of its own, only NOT IN".into(),
                ));
            }
            token => match constant(token) {
                Some(constant) => Operand::Constant(constant),
                None => {
                    return Err(match after {
                        Some(operator) => self.expected(&format!("a value after {operator}")),
                        None => self.expected("a value"),
                    });
                }
            },
        };
        self.advance()?;
        Ok(operand)
    }

    /// `list := "[" (constant ("," constant)*)? "]"`
    fn list(&mut self) -> Result<Operand, ParseError> {
        self.advance()?;
        let mut items = Vec::new();
        if self.token.token == Token::CloseList {
            self.advance()?;
            return Ok(Operand::List(items));
        }
        loop {
            let Some(item) = constant(&self.token.token) else {
                return Err(match self.token.token {
                    Token::Key(_) => self.error(format!(
                        "expected a string, number, true, false or null: a list holds constants, found {}",
                        self.token.text
                    )),
                    _ => self.expected("a string, number, true, false or null in the list"),
                });
            };
            items.push(item);
            self.advance()?;
            match self.token.token {
                Token::Comma => self.advance()?,
                Token::CloseList => break,
                _ => return Err(self.expected(", or ] in the list")),
            };
        }
        self.advance()?;
        Ok(Operand::List(items))
    }

    /// What a key means where the expression is used.
    fn key(&self, path: Vec<Segment>) -> Result<Operand, ParseError> {
        let first = match &path[0] {
            Segment::Name(name) => name.as_str(),
            Segment::Index(_) => unreachable!("the lexer starts every key with a name"),
        };
        let written = &self.token.text;
        if first == "taskrouter" {
            let clock = match path.as_slice() {
                [_, Segment::Name(name)] => Clock::ALL.into_iter().find(|c| c.name() == name),
                _ => None,
            };
            return match (clock, self.scope) {
                (None, _) => Err(self.error(format!(
                    "expected taskrouter.currentTime, taskrouter.currentHour, taskrouter.currentMin or taskrouter.dayOfWeek, found {written}"
                ))),
                (Some(clock), Scope::Filter | Scope::Target) => Ok(Operand::Clock(clock)),
                (Some(_), Scope::Queue) => Err(self.error(format!(
                    "expected a worker attribute: {written} is only read in a workflow's Matching Tasks and a routing step's expression, not in a queue expression"
                ))),
                (Some(_), Scope::SkipIf) => Err(self.skip_if_only()),
            };
        }
        match self.scope {
            Scope::Queue => Ok(attribute(Subject::Worker, path)),
            Scope::Filter => Ok(attribute(Subject::Task, path)),
            Scope::Target => {
                let subject = match first {
                    "task" => Subject::Task,
                    "worker" => Subject::Worker,
                    _ => return Err(self.bare_key()),
                };
                match path.get(1) {
                    Some(Segment::Name(_)) => {
                        Ok(attribute(subject, path.into_iter().skip(1).collect()))
                    }
                    _ => Err(self.bare_key()),
                }
            }
            Scope::SkipIf => match path.as_slice() {
                [Segment::Name(workers), Segment::Name(name)]
                    if workers == "workers"
                        && (name == "available"
                            || name == "unavailable"
                            || name.starts_with("WA")) =>
                {
                    Ok(Operand::Workers(name.clone()))
                }
                _ => Err(self.skip_if_only()),
            },
        }
    }

    fn bare_key(&self) -> ParseError {
        let written = &self.token.text;
        self.error(format!(
            "expected task. or worker. before {written}: a routing step's expression names whose attribute it reads (task.{written} or worker.{written})"
        ))
    }

    fn skip_if_only(&self) -> ParseError {
        self.error(format!(
            "expected workers.available, workers.unavailable or workers.WA… (the workers in that activity): Skip If reads nothing else, found {}",
            self.token.text
        ))
    }
}

fn attribute(of: Subject, path: Vec<Segment>) -> Operand {
    Operand::Attribute(Key { of, path })
}

fn constant(token: &Token) -> Option<Constant> {
    Some(match token {
        Token::Text(text) => Constant::Text(text.clone()),
        Token::Number(n) => Constant::Number(*n),
        Token::Keyword(Keyword::True) => Constant::Bool(true),
        Token::Keyword(Keyword::False) => Constant::Bool(false),
        Token::Keyword(Keyword::Null) => Constant::Null,
        _ => return None,
    })
}

/// One condition stays itself; several become one `All` or `Any`.
fn joined(mut conditions: Vec<Condition>, join: fn(Vec<Condition>) -> Condition) -> Condition {
    if conditions.len() == 1 {
        conditions.pop().expect("one condition")
    } else {
        join(conditions)
    }
}
