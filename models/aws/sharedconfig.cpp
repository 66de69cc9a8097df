#include "sharedconfig.h"
