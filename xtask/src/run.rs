//! Running child commands: plainly, or while counting the tests their runner reports.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Test counts added up over every runner.
#[derive(Default)]
pub struct Summary {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "all: {} passed, {} failed", self.passed, self.failed)
    }
}

impl Summary {
    /// Adds what one output line reports: cargo's `test result: ok. 3 passed; 0 failed; ...`
    /// or Playwright's `  12 passed (3.1s)` and `  1 failed`.
    fn count(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            for part in rest.split(['.', ';']) {
                let mut words = part.split_whitespace();
                if let (Some(n), Some(what)) = (words.next(), words.next()) {
                    self.add(n, what);
                }
            }
        } else {
            let mut words = line.split_whitespace();
            if let (Some(n), Some(what)) = (words.next(), words.next()) {
                let rest: Vec<&str> = words.collect();
                let playwright = rest.is_empty() || rest[0].starts_with('(');
                if playwright {
                    self.add(n, what);
                }
            }
        }
    }

    fn add(&mut self, n: &str, what: &str) {
        let Ok(n) = n.parse::<u64>() else { return };
        match what {
            "passed" => self.passed += n,
            "failed" => self.failed += n,
            _ => {}
        }
    }
}

/// `cargo` as the one that runs xtask (so the same toolchain), from the repository root.
pub fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(crate::root());
    command
}

/// Runs a command with its output passed through; fails if it fails.
pub fn run_plain(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// Runs a test runner, passing its standard output through while counting what it reports.
pub fn run_counted(command: &mut Command, summary: &mut Summary) -> Result<(), String> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            summary.count(&line);
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn counts_cargo_and_playwright_summaries() {
        let mut s = Summary::default();
        s.count("test result: ok. 12 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s");
        s.count("  7 passed (3.2s)");
        s.count("  2 failed");
        s.count("    [chromium] › shell.spec.ts:3:1 › 4 passed tests are not a summary");
        assert_eq!((s.passed, s.failed), (19, 3));
    }
}
