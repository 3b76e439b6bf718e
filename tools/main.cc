// chorus — the command line. Each command lives in its own cmd_*.cc; this file
// only builds the top-level app and dispatches.
#include <iostream>
#include <map>

#include "chorus/version.h"
#include "cli_common.h"
#include "commands.h"

int main(int argc, char** argv) {
  using namespace chorus::cli;
  CLI::App app{
      "chorus — many outlets, one story, one primary source.\n"
      "Reads news articles and finds the stories, quotations and speakers in them.",
      "chorus"};
  app.set_version_flag("-V,--version", std::string("chorus ") + chorus::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Run 'chorus COMMAND --help' for a command's options and output format.\n"
      "Exit status: 0 success; 1 records skipped with --strict; 2 usage error or\n"
      "unreadable input.");

  std::map<std::string, Runner> runners;
  runners["read"] = AddReadCommand(app);
  runners["quotes"] = AddQuotesCommand(app);
  runners["stories"] = AddStoriesCommand(app);
  runners["quotebook"] = AddQuotebookCommand(app);
  runners["reuse"] = AddReuseCommand(app);
  runners["digest"] = AddDigestCommand(app);
  runners["train-quotes"] = AddTrainQuotesCommand(app);
  runners["ingest"] = AddIngestCommand(app);
  runners["export"] = AddExportCommand(app);
  runners["serve"] = AddServeCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "chorus: " << e.what() << "\nRun 'chorus --help' for usage.\n";
    return kExitUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) {
    auto it = runners.find(sub->get_name());
    if (it != runners.end()) return it->second();
  }
  return kExitUsage;
}
