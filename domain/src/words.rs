//! Numbers and nouns as the Console writes them in sentences: "15,000 workers", "1 worker",
//! "an account", the same in every message and on every page.

/// `n` with a comma between thousands: "15,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` things, the noun made plural with an "s" unless there is one: "1 worker",
/// "15,000 workers".
pub fn count(n: u64, one: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {one}{s}", thousands(n))
}

/// The noun with "a" or "an" as it is said: "an account", "a worker", "an API key",
/// "a TwiML Bin" (by the sound of the first letter; an initialism that starts with a
/// letter named with a vowel sound takes "an": "an SSO login").
pub fn with_article(noun: &str) -> String {
    format!("{} {noun}", article(noun))
}

/// "a" or "an" for `noun` (see [`with_article`]).
pub fn article(noun: &str) -> &'static str {
    let first_word = noun.split(' ').next().unwrap_or_default();
    // "SID" is said as a word ("a SID", as Twilio writes it); other capitals letter by letter.
    let initialism = first_word.len() > 1
        && first_word != "SID"
        && first_word.chars().all(|c| c.is_ascii_uppercase());
    let Some(first) = first_word.chars().next() else {
        return "a";
    };
    let vowel_sound = if initialism {
        // The letters whose names start with a vowel sound: A, E, F, H, I, L, M, N, O, R, S, X.
        "AEFHILMNORSX".contains(first)
    } else {
        let lower = first_word.to_lowercase();
        let silent_or_yoo = ["hour", "honest", "honor"]
            .iter()
            .any(|w| lower.starts_with(w));
        let sounds_like_you = ["uni", "use", "usu", "euro", "one"]
            .iter()
            .any(|w| lower.starts_with(w));
        silent_or_yoo || ("aeiou".contains(first.to_ascii_lowercase()) && !sounds_like_you)
    };
    if vowel_sound { "an" } else { "a" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_with_thousands_and_plurals() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(count(1, "worker"), "1 worker");
        assert_eq!(count(0, "worker"), "0 workers");
        assert_eq!(count(15_000, "character"), "15,000 characters");
    }

    #[test]
    fn articles_follow_the_sound() {
        for (noun, said) in [
            ("account", "an account"),
            ("activity", "an activity"),
            ("API key", "an API key"),
            ("SID", "a SID"),
            ("SSO login", "an SSO login"),
            ("TwiML Bin", "a TwiML Bin"),
            ("worker", "a worker"),
            ("Console user", "a Console user"),
            ("hour", "an hour"),
            ("user", "a user"),
            ("Flex instance", "a Flex instance"),
            ("invitation", "an invitation"),
        ] {
            assert_eq!(with_article(noun), said);
        }
    }
}
