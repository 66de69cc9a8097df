#include "paginator.h"
