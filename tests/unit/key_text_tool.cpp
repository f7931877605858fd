// Prints the key text of each line of standard input (UTF-8), one per line, so that
// tests/unicode_fold_test.py can hold the core's folding against ICU's.
#include "cells.hpp"

#include <iostream>
#include <string>

int main() {
    std::string line;
    while (std::getline(std::cin, line))
        std::cout << ca::normalize_key(line) << '\n';
}
