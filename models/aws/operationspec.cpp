#include "operationspec.h"
