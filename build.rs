//! Link-time settings for the lkms binary.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target = std::env::var("TARGET").unwrap_or_default();
    // Pack the binary's relative relocations (DT_RELR, glibc 2.36 and later): about 28,000 of
    // them, which as classic RELA entries are 670 KB that the loader reads at every start, a
    // fixed cost in time and resident memory for each short command. The binary stays
    // position-independent (ASLR keeps working).
    if target.ends_with("-linux-gnu") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
