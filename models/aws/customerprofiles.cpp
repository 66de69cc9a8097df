#include "customerprofiles.h"
