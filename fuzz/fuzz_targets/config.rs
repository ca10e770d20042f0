//! Any `letterkit.toml` for the small fixture, loaded as `letterkit` loads a
//! project: an error about the file names a place inside it; a configuration
//! accepted is sound (its source locale listed, tags listed once, every
//! fallback a locale of the project, every fallback chain ending at the
//! source without repeats, a non-empty output folder).
#![no_main]

use std::cell::RefCell;
use std::path::Path;

use letterkit::ids::CONFIG_FILE;
use letterkit::project::Project;
use libfuzzer_sys::fuzz_target;

mod common;
mod scratch;

thread_local! {
    static SCRATCH: RefCell<scratch::Scratch> = RefCell::new(scratch::Scratch::new("config"));
}

fuzz_target!(|data: &[u8]| {
    SCRATCH.with_borrow(|scratch| {
        scratch.write(CONFIG_FILE, data);
        let project = match Project::load(&scratch.root) {
            Ok(project) => project,
            Err(error) => {
                if let Some(location) = common::error_location(&error)
                    && location.file.as_ref() == Path::new(CONFIG_FILE)
                {
                    common::assert_inside(location, data);
                }
                return;
            }
        };
        let config = &project.config;
        assert!(
            !config.output_dir.as_os_str().is_empty(),
            "an empty output folder"
        );
        assert!(
            config.locales.iter().any(|l| l.lang == config.source),
            "source not listed"
        );
        for (i, locale) in config.locales.iter().enumerate() {
            assert!(
                config.locales[..i].iter().all(|l| l.lang != locale.lang),
                "{} listed twice",
                locale.lang
            );
            for fallback in &locale.fallback {
                assert!(
                    config.locale(fallback.tag()).is_some(),
                    "unknown fallback {fallback}"
                );
            }
            let chain = config.fallback_chain(&locale.lang);
            assert_eq!(chain.first(), Some(&locale.lang));
            assert_eq!(chain.last(), Some(&config.source));
            for (j, link) in chain.iter().enumerate() {
                assert!(
                    !chain[..j].contains(link),
                    "{link} twice in a fallback chain"
                );
            }
        }
        if let Some(url) = &config.base_url {
            assert!(url.ends_with('/'), "base url {url:?} without a final slash");
        }
    });
});
