from facilitator.cli.main import main

main()
