#include "cli/app.h"

int main(int argc, char** argv) { return skjerm::RunCli(argc, argv); }
