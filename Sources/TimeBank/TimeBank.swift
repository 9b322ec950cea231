// The TimeBank module.
