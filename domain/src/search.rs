//! What searching means, everywhere in the Console: every word of the query must be found,
//! in any of the fields searched, ignoring case and accents ("maria garcia" finds "María
//! García", "García, Maria" and a SID containing both). An empty query finds everything.

/// A query, prepared once: its words, folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query(Vec<String>);

impl Query {
    /// The query `text` typed.
    pub fn new(text: &str) -> Query {
        Query(text.split_whitespace().map(fold).collect())
    }

    /// Whether nothing was typed (everything matches).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether every word is found in one of `fields`.
    pub fn matches(&self, fields: &[&str]) -> bool {
        if self.is_empty() {
            return true;
        }
        let folded: Vec<String> = fields.iter().map(|f| fold(f)).collect();
        self.0
            .iter()
            .all(|word| folded.iter().any(|f| f.contains(word.as_str())))
    }

    /// Whether every word is found in `folded`, the searched fields already passed through
    /// [`fold`] and joined with [`SEPARATOR`] (for long lists: fold once, search often).
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.0.iter().all(|word| folded.contains(word.as_str()))
    }
}

/// What joins folded fields in one searchable text; no word contains it.
pub const SEPARATOR: char = '\u{1f}';

/// The fields searched, folded and joined, for [`Query::matches_folded`].
pub fn searchable(fields: &[&str]) -> String {
    let mut text = String::new();
    for field in fields {
        if !text.is_empty() {
            text.push(SEPARATOR);
        }
        text.push_str(&fold(field));
    }
    text
}

/// Whether every word of `query` is found in one of `fields`.
pub fn matches(query: &str, fields: &[&str]) -> bool {
    Query::new(query).matches(fields)
}

/// `text` lower-cased with the accents of Latin letters taken off ("Ñúñez" is "nunez").
/// Written out because the standard library has no such folding and a Unicode crate would
/// weigh more than the whole search.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        match FOLDS.iter().find(|(from, _)| from.contains(lower)) {
            Some((_, to)) => out.push_str(to),
            None => out.push(lower),
        }
    }
    out
}

/// Accented lower-case Latin letters and what they fold to.
const FOLDS: [(&str, &str); 24] = [
    ("àáâãäåāăą", "a"),
    ("æ", "ae"),
    ("çćĉċč", "c"),
    ("ďđ", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("œ", "oe"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ß", "ss"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("þ", "th"),
    ("ð", "d"),
];
