// Prints the function table as JSON, so that tests and the docs generator read the very
// texts the Function Wizard shows.
#include "catalog.hpp"

#include <iostream>

namespace {

void json_string(std::string_view s) {
    std::cout << '"';
    for (char c : s) {
        if (c == '"' || c == '\\')
            std::cout << '\\' << c;
        else if (c == '\n')
            std::cout << "\\n";
        else
            std::cout << c;
    }
    std::cout << '"';
}

void text(std::string_view key, const ca::catalog::Text& t) {
    json_string(key);
    std::cout << ": {\"en\": ";
    json_string(t.en);
    std::cout << ", \"ja\": ";
    json_string(t.ja);
    std::cout << "}";
}

} // namespace

int main() {
    std::cout << "{\"service\": ";
    json_string(ca::catalog::service);
    std::cout << ", \"functions\": [\n";
    bool first = true;
    for (const auto& f : ca::catalog::functions()) {
        std::cout << (first ? "" : ",\n") << "{\"method\": ";
        first = false;
        json_string(f.method);
        std::cout << ", \"display\": ";
        json_string(f.display);
        std::cout << ", ";
        text("description", f.description);
        std::cout << ", \"arguments\": [";
        for (std::size_t i = 0; i < f.arguments.size(); ++i) {
            std::cout << (i ? ", " : "") << "{";
            text("name", f.arguments[i].name);
            std::cout << ", ";
            text("description", f.arguments[i].description);
            std::cout << ", \"role\": ";
            json_string(f.arguments[i].role);
            std::cout << ", \"optional\": " << (f.arguments[i].optional ? "true" : "false")
                      << ", \"repeated\": " << (f.arguments[i].repeated ? "true" : "false")
                      << ", \"reference\": " << (f.arguments[i].reference ? "true" : "false")
                      << "}";
        }
        std::cout << "]}";
    }
    std::cout << "\n]}\n";
}
