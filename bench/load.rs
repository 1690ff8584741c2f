//! Where the scale page's load goes before anything is drawn, natively: reading the stored
//! Console of the scale scenario (1,000 accounts, 15,000 workers) as the app does at every
//! page load, split into its steps, next to the two ways of doing less that issue 15 asks
//! to compare: a stamp saying the snapshot is the app's own and unchanged (so `validate` is
//! skipped), and storing per account (so a page reads only its account).
//!
//! `cargo run --profile bench --example bench_load` (after `cargo xtask build` has made
//! public/scenarios/scale.json); prints medians of 7 runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use flex_console::domain::{Account, Console};
use flex_console::store::persist::checksum;
use serde_json::value::RawValue;

const RUNS: usize = 7;

/// Counts the heap in use and its peak, to say where the scale page's memory goes (in the
/// browser, wasm memory only grows: its size is the peak of everything ever live at once).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The heap in use, and the peak since the last call, in MB.
fn heap() -> (f64, f64) {
    let live = LIVE.load(Relaxed);
    let peak = PEAK.swap(live, Relaxed);
    (live as f64 / 1e6, peak as f64 / 1e6)
}

/// The median wall time of `RUNS` calls of `step`, in milliseconds.
fn median_ms<T>(mut step: impl FnMut() -> T) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(step());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

#[derive(serde::Deserialize)]
struct Scenario<'a> {
    #[serde(borrow)]
    console: &'a RawValue,
}

#[derive(serde::Deserialize)]
struct Accounts<'a> {
    #[serde(borrow)]
    accounts: std::collections::BTreeMap<String, &'a RawValue>,
}

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/scenarios/scale.json");
    let file = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run `cargo xtask build` first)"));
    let scenario: Scenario = serde_json::from_str(&file).expect("the scale scenario is JSON");
    let text = scenario.console.get();
    let accounts: Accounts = serde_json::from_str(text).expect("the Console has accounts");
    let largest = accounts
        .accounts
        .values()
        .max_by_key(|a| a.get().len())
        .expect("the scale scenario has accounts")
        .get();

    // Memory: the stored text alone, then the Console read from it (text dropped).
    let (before, _) = heap();
    let copy = text.to_owned();
    let (with_text, _) = heap();
    let read = Console::from_json(&copy).expect("the scale scenario is valid");
    let (_, peak) = heap();
    drop(copy);
    let (with_console, _) = heap();
    let json = read.to_json().expect("it writes");
    let (_, writing_peak) = heap();
    drop((json, read));

    let whole = median_ms(|| Console::from_json(text).expect("the scale scenario is valid"));
    let parse = median_ms(|| serde_json::from_str::<Console>(text).expect("it parses"));
    let parsed: Console = serde_json::from_str(text).expect("it parses");
    // Each run reindexes its own copy, made before the clock starts.
    let mut copies: Vec<Console> = (0..RUNS).map(|_| parsed.clone()).collect();
    let reindex = median_ms(|| copies.pop().map(|mut c| c.reindex()));
    let mut indexed = parsed.clone();
    indexed.reindex();
    let validate = median_ms(|| indexed.validate().expect("valid"));
    let stamp = median_ms(|| checksum(text));
    let stamped = median_ms(|| {
        assert!(!checksum(text).is_empty());
        Console::from_checked_json(text).expect("it parses")
    });
    let one = median_ms(|| serde_json::from_str::<Account>(largest).expect("an account parses"));

    println!(
        "loading the scale scenario's Console natively ({:.1} MB of JSON; medians of {RUNS}):",
        text.len() as f64 / 1e6
    );
    println!("  Console::from_json, as every load does today   {whole:8.1} ms");
    println!("    serde (parse into the Console)               {parse:8.1} ms");
    println!("    reindex                                      {reindex:8.1} ms");
    println!("    validate (every rule)                        {validate:8.1} ms");
    println!("  the stamp's checksum of the stored text        {stamp:8.1} ms");
    println!("  with the stamp: checksum, parse, reindex       {stamped:8.1} ms");
    println!(
        "memory (MB of heap): the stored text {:.1}; the Console read from it {:.1}; \
         peak while reading {:.1} (text + Console + serde's buffers); peak while writing a \
         snapshot {:.1}",
        with_text - before,
        with_console - before,
        peak - before,
        writing_peak - before,
    );
    println!(
        "  stored per account: the largest account only   {one:8.1} ms ({:.1} MB, {} accounts)",
        largest.len() as f64 / 1e6,
        accounts.accounts.len()
    );
}
