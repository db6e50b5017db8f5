fn main() {
    std::process::exit(lkms::run::run());
}
