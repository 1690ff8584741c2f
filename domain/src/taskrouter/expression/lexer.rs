//! Cutting an expression's text into tokens, one at a time, so that the parser meets the
//! leftmost mistake first.

use super::parser::ParseError;
use super::tree::{Operator, Segment};

/// TaskRouter's own words for its rule about hyphens.
pub const HYPHENS: &str = "Hyphens are not supported in TaskRouter expressions";

/// A keyword; written in any case (`AND`, `and`), printed in capitals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    And,
    Or,
    Has,
    In,
    Not,
    Contains,
    True,
    False,
    Null,
}

impl Keyword {
    fn of(word: &str) -> Option<Keyword> {
        const WORDS: [(&str, Keyword); 9] = [
            ("AND", Keyword::And),
            ("OR", Keyword::Or),
            ("HAS", Keyword::Has),
            ("IN", Keyword::In),
            ("NOT", Keyword::Not),
            ("CONTAINS", Keyword::Contains),
            ("TRUE", Keyword::True),
            ("FALSE", Keyword::False),
            ("NULL", Keyword::Null),
        ];
        WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|(_, k)| *k)
    }
}

/// One token of an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    /// A key with its dots and indexes, e.g. `object.array[2]`.
    Key(Vec<Segment>),
    /// `AND`, `HAS`, `true`, `null`…
    Keyword(Keyword),
    /// A quoted string, without its quotes.
    Text(String),
    /// A number.
    Number(f64),
    /// `==`, `=`, `!=`, `>`, `>=`, `<`, `<=`.
    Symbol(Operator),
    /// `(`.
    Open,
    /// `)`.
    Close,
    /// `[` opening a list.
    OpenList,
    /// `]`.
    CloseList,
    /// `,`.
    Comma,
    /// A character no token starts with.
    Other(char),
    /// The end of the text.
    End,
}

/// A token, where it starts and how it was written.
#[derive(Clone, Debug)]
pub struct Spanned {
    pub token: Token,
    /// 1-based, in characters.
    pub column: usize,
    /// The token as written, for messages.
    pub text: String,
}

/// Reads tokens from the text, left to right.
pub struct Lexer {
    chars: Vec<char>,
    at: usize,
}

fn name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

fn name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn error(at: usize, message: impl Into<String>) -> ParseError {
    ParseError {
        column: at + 1,
        message: message.into(),
    }
}

impl Lexer {
    /// A lexer at the start of `text`.
    pub fn new(text: &str) -> Lexer {
        Lexer {
            chars: text.chars().collect(),
            at: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn take_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.at += 1;
        }
    }

    /// The next token, or why the text cannot be cut there.
    pub fn next(&mut self) -> Result<Spanned, ParseError> {
        self.take_while(char::is_whitespace);
        let start = self.at;
        let token = match self.peek() {
            None => Token::End,
            Some(c) => {
                self.at += 1;
                match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    '[' => Token::OpenList,
                    ']' => Token::CloseList,
                    ',' => Token::Comma,
                    '"' | '\'' => self.text(start, c)?,
                    '0'..='9' => self.number(start)?,
                    '-' => return Err(error(start, HYPHENS)),
                    '&' if self.peek() == Some('&') => {
                        return Err(error(start, "expected AND: write AND instead of &&"));
                    }
                    '|' if self.peek() == Some('|') => {
                        return Err(error(start, "expected OR: write OR instead of ||"));
                    }
                    '=' | '!' | '<' | '>' => self.symbol(start)?,
                    c if name_start(c) => self.key(start)?,
                    c => Token::Other(c),
                }
            }
        };
        Ok(Spanned {
            token,
            column: start + 1,
            text: self.chars[start..self.at].iter().collect(),
        })
    }

    fn text(&mut self, start: usize, quote: char) -> Result<Token, ParseError> {
        let Some(length) = self.chars[self.at..].iter().position(|&c| c == quote) else {
            return Err(error(
                start,
                format!("expected a closing {quote}: the string that starts here is never closed"),
            ));
        };
        let text = self.chars[self.at..self.at + length].iter().collect();
        self.at += length + 1;
        Ok(Token::Text(text))
    }

    fn number(&mut self, start: usize) -> Result<Token, ParseError> {
        self.take_while(|c| c.is_ascii_digit());
        if self.peek() == Some('.') {
            self.at += 1;
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                return Err(error(self.at, "expected a digit after the decimal point"));
            }
            self.take_while(|c| c.is_ascii_digit());
        }
        let digits: String = self.chars[start..self.at].iter().collect();
        match digits.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Token::Number(n)),
            _ => Err(error(
                start,
                "expected a smaller number: this one is too large",
            )),
        }
    }

    fn symbol(&mut self, start: usize) -> Result<Token, ParseError> {
        self.take_while(|c| matches!(c, '=' | '!' | '<' | '>'));
        let written: String = self.chars[start..self.at].iter().collect();
        let operator = match written.as_str() {
            "==" | "=" => Operator::Equal,
            "!=" => Operator::NotEqual,
            ">" => Operator::Greater,
            ">=" => Operator::GreaterOrEqual,
            "<" => Operator::Less,
            "<=" => Operator::LessOrEqual,
            _ => return Err(error(start, unknown_operator(&written))),
        };
        Ok(Token::Symbol(operator))
    }

    fn key(&mut self, start: usize) -> Result<Token, ParseError> {
        let mut path = Vec::new();
        let mut name_from = start;
        loop {
            self.take_while(name_char);
            path.push(Segment::Name(
                self.chars[name_from..self.at].iter().collect(),
            ));
            // A hyphen right after is refused as the next token, at its own column.
            while self.peek() == Some('[') {
                path.push(Segment::Index(self.index()?));
            }
            if self.peek() != Some('.') {
                break;
            }
            self.at += 1;
            name_from = self.at;
            match self.peek() {
                Some(c) if name_char(c) => {}
                Some('-') => return Err(error(self.at, HYPHENS)),
                _ => return Err(error(self.at, "expected a name after the dot")),
            }
        }
        Ok(match path.as_slice() {
            [Segment::Name(word)] => Keyword::of(word).map_or(Token::Key(path), Token::Keyword),
            _ => Token::Key(path),
        })
    }

    /// `[n]` right after a name: the `[` is next.
    fn index(&mut self) -> Result<usize, ParseError> {
        self.at += 1;
        let from = self.at;
        self.take_while(|c| c.is_ascii_digit());
        if from == self.at {
            return Err(match self.peek() {
                Some('-') => error(self.at, HYPHENS),
                _ => error(
                    self.at,
                    "expected an index after [ (a whole number, from 0)",
                ),
            });
        }
        let digits: String = self.chars[from..self.at].iter().collect();
        let index = digits
            .parse()
            .map_err(|_| error(from, "expected a smaller index: this one is too large"))?;
        if self.peek() != Some(']') {
            return Err(error(self.at, "expected ] after the index"));
        }
        self.at += 1;
        Ok(index)
    }
}

/// What is said of an operator TaskRouter does not have.
pub fn unknown_operator(written: &str) -> String {
    format!(
        "unknown operator {written}: expected ==, =, !=, >, >=, <, <=, CONTAINS, HAS, IN or NOT IN"
    )
}
