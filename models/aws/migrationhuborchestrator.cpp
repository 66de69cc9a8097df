#include "migrationhuborchestrator.h"
