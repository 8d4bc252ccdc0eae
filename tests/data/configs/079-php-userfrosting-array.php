'mail' => 'smtp',
            'smtp'  => [
                'host' => '<my host>',
                'port' => 25,
                'auth' => true,
                'secure' => 'tls',
                'user' => '<login>@<my host>',
                'pass' => '<password>'
            ],
